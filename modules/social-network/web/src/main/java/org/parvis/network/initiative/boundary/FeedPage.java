package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parvis.network.follow.control.Follows;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.MemberFeed;
import org.parvis.network.member.boundary.CurrentMember;

/** The signed-in member's feed: what they follow and their own commune. */
@Named
@RequestScoped
public class FeedPage {

  @Inject CurrentMember member;
  @Inject Follows follows;
  @Inject Initiatives initiatives;
  @Inject MemberFeed feed;

  private int page;
  private Initiatives.Page result;
  private java.util.List<Follows.Followed> followed;

  public Initiatives.Page getResult() {
    if (result == null) {
      result = feed.page(member.handle(), page);
    }
    return result;
  }

  /** The member's own initiatives, drafts included (the only place drafts are listed). */
  public java.util.List<Initiatives.Summary> getMine() {
    return initiatives.ofAuthor(member.handle(), true, 0, Initiatives.PAGE_SIZE);
  }

  public java.util.List<Follows.Followed> getFollowed() {
    if (followed == null) {
      followed = follows.list(member.handle());
    }
    return followed;
  }

  public String unfollow(String kind, String target) {
    follows.unfollow(member.handle(), kind, target);
    return "/compte/fil.xhtml?faces-redirect=true";
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
