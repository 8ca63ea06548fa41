package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.api.Officials;
import org.parvis.network.follow.control.Follows;
import org.parvis.network.initiative.control.Debate;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.OfficialRouting;
import org.parvis.network.initiative.control.Petitions;
import org.parvis.network.member.boundary.CurrentMember;

/**
 * An initiative's page: the text, exact counts, counter-initiatives side by side, officials'
 * answers, the debate a page of threads at a time, and for members the buttons to sign, join,
 * follow, comment and reply (officials of the territory also answer formally). Every action
 * redirects back to the page (no resubmission on reload).
 */
@Named
@RequestScoped
public class InitiativePage {

  @Inject FacesContext faces;
  @Inject CurrentMember member;
  @Inject Initiatives initiatives;
  @Inject Petitions petitions;
  @Inject Debate debate;
  @Inject OfficialRouting routing;
  @Inject Follows follows;
  @Inject Officials officials;
  @Inject PageMessages messages;
  @Inject org.parvis.network.feed.boundary.Sharing sharing;

  private long id;
  private int commentPage;
  private Initiatives.View view;
  private Petitions.Counts counts;
  private Debate.Page comments;
  private List<Initiatives.Summary> counters;
  private List<OfficialRouting.Answer> answers;
  private Map<String, List<String>> badges;
  private Boolean following;
  private Boolean mayAnswer;

  private String stance = "NEUTRAL";
  private String body;
  private String answerBody;
  private final Map<Long, String> replyBodies = new HashMap<>();
  private final Map<Long, String> replyStances = new HashMap<>();
  private final Map<Long, Boolean> quotes = new HashMap<>();
  private final Map<Long, String> editBodies = new HashMap<>();

  /**
   * Reads the address's parameters before anything else: on a form's postback they come from hidden
   * fields, and the page needs them to know which buttons it shows.
   */
  @jakarta.annotation.PostConstruct
  void fromAddress() {
    var parameters = faces.getExternalContext().getRequestParameterMap();
    setId(parameters.get("id"));
    setCommentPageParam(parameters.get("p"));
  }

  /** Loads the initiative or answers 404 (unknown id, or someone else's draft). */
  public void load() throws IOException {
    view = initiatives.view(id, member.handle()).orElse(null);
    if (view == null) {
      faces.getExternalContext().responseSendError(404, "no such initiative");
      faces.responseComplete();
    }
  }

  public Initiatives.View getView() {
    if (view == null) {
      view = initiatives.view(id, member.handle()).orElse(null);
    }
    return view;
  }

  /** The page's public address, for sharing and Open Graph. */
  public String getShareUrl() {
    return sharing.url("/initiatives/voir.xhtml?id=" + id);
  }

  /** The image's public address, or empty. */
  public String getImageUrl() {
    var v = getView();
    return v == null || v.imageVersion() == 0
        ? ""
        : sharing.url("/images/initiatives/" + v.id() + "?v=" + v.imageVersion());
  }

  public String getExcerpt() {
    var v = getView();
    return v == null ? "" : Initiatives.excerpt(v.description());
  }

  public String getFeedPath() {
    return "/flux/initiatives/" + id;
  }

  public Petitions.Counts getCounts() {
    if (counts == null) {
      counts = petitions.counts(id, member.handle());
    }
    return counts;
  }

  public List<Initiatives.Summary> getCounters() {
    if (counters == null) {
      counters = initiatives.counters(id);
    }
    return counters;
  }

  public List<OfficialRouting.Answer> getAnswers() {
    if (answers == null) {
      answers = routing.answers(id);
    }
    return answers;
  }

  public Debate.Page getComments() {
    if (comments == null) {
      comments = debate.page(id, commentPage, member.handle());
    }
    return comments;
  }

  /**
   * The officials' badges of everyone on the page (author, commenters, answerers): one query for
   * the page.
   */
  public Map<String, List<String>> getBadges() {
    if (badges == null) {
      Collection<String> handles = new LinkedHashSet<>();
      if (getView() != null) {
        handles.add(getView().authorHandle());
      }
      for (var thread : getComments().threads()) {
        handles.add(thread.handle());
        thread.replies().forEach(r -> handles.add(r.handle()));
      }
      handles.remove(null); // erased authors
      badges = officials.badges(handles);
    }
    return badges;
  }

  public boolean isFollowing() {
    if (following == null) {
      following =
          member.isSignedIn() && follows.follows(member.handle(), Follows.INITIATIVE, "" + id);
    }
    return following;
  }

  public boolean isMayAnswer() {
    if (mayAnswer == null) {
      // One official answer per official: once given, the form gives way to the debate.
      mayAnswer =
          member.isSignedIn()
              && getAnswers().stream().noneMatch(a -> a.handle().equals(member.handle()))
              && routing.mayAnswer(member.handle(), id);
    }
    return mayAnswer;
  }

  public boolean isAuthor() {
    return member.isSignedIn()
        && getView() != null
        && java.util.Objects.equals(getView().authorHandle(), member.handle());
  }

  public String sign() {
    return done(petitions.sign(member.handle(), id), "initiative.signed");
  }

  public String withdraw() {
    return done(petitions.withdraw(member.handle(), id), "initiative.withdrawn");
  }

  public String join() {
    return done(petitions.join(member.handle(), id), "initiative.joined");
  }

  public String leave() {
    petitions.leave(member.handle(), id);
    return done(Optional.empty(), "initiative.left");
  }

  public String follow() {
    return done(
        follows.follow(member.handle(), Follows.INITIATIVE, Long.toString(id)), "follow.done");
  }

  public String unfollow() {
    follows.unfollow(member.handle(), Follows.INITIATIVE, Long.toString(id));
    return done(Optional.empty(), "follow.undone");
  }

  public String publish() {
    return done(initiatives.publish(member.handle(), id, member.address()), "initiative.published");
  }

  public String end(String outcome) {
    return done(initiatives.end(member.handle(), id, outcome), "initiative.ended");
  }

  public String comment() {
    var result = debate.comment(member.handle(), id, stance, body, null, null, member.address());
    if (result.problem() != null) {
      messages.errorOn("comment:body", result.problem());
      return null;
    }
    return done(Optional.empty(), "comment.posted");
  }

  public String reply(long threadId) {
    boolean quote = Boolean.TRUE.equals(quotes.get(threadId));
    var result =
        debate.comment(
            member.handle(),
            id,
            replyStances.getOrDefault(threadId, "NEUTRAL"),
            replyBodies.get(threadId),
            threadId,
            quote ? threadId : null,
            member.address());
    if (result.problem() != null) {
      messages.error(result.problem());
      return null;
    }
    return done(Optional.empty(), "comment.posted");
  }

  /** Rewrites the member's own comment within the edit window. */
  public String editComment(long commentId) {
    var problem =
        debate.edit(member.handle(), commentId, editBodies.get(commentId), member.address());
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    return done(Optional.empty(), "comment.edited.saved");
  }

  /** The texts of the comments the member may still edit, prefilled with what they wrote. */
  public Map<Long, String> getEditBodies() {
    if (editBodies.isEmpty() && member.isSignedIn()) {
      for (var thread : getComments().threads()) {
        if (thread.editable()) {
          editBodies.put(thread.id(), thread.body());
        }
        thread.replies().stream()
            .filter(Debate.Entry::editable)
            .forEach(r -> editBodies.put(r.id(), r.body()));
      }
    }
    return editBodies;
  }

  public String answer() {
    return done(
        routing.answer(member.handle(), id, answerBody, member.address()), "answer.published");
  }

  private String done(Optional<String> problem, String success) {
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info(success);
    messages.keepForNextPage();
    return "/initiatives/voir.xhtml?faces-redirect=true&id=" + id;
  }

  /** The address of another page of the debate. */
  public String commentPageLink(int number) {
    return "?id=" + id + "&p=" + number + "#debat";
  }

  public String getId() {
    return Long.toString(id);
  }

  /** The id as the address gives it: anything but a number is an unknown initiative (404). */
  public void setId(String id) {
    try {
      this.id = id == null ? 0 : Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      this.id = 0;
    }
  }

  public int getCommentPage() {
    return commentPage;
  }

  public String getCommentPageParam() {
    return Integer.toString(commentPage);
  }

  /** The debate's page number as the address gives it; anything but a number is the first. */
  public void setCommentPageParam(String commentPage) {
    try {
      this.commentPage = Math.max(0, Integer.parseInt(commentPage.strip()));
    } catch (RuntimeException e) {
      this.commentPage = 0;
    }
  }

  public String getStance() {
    return stance;
  }

  public void setStance(String stance) {
    this.stance = stance;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getAnswerBody() {
    return answerBody;
  }

  public void setAnswerBody(String answerBody) {
    this.answerBody = answerBody;
  }

  public Map<Long, String> getReplyBodies() {
    return replyBodies;
  }

  public Map<Long, String> getReplyStances() {
    return replyStances;
  }

  public Map<Long, Boolean> getQuotes() {
    return quotes;
  }
}
