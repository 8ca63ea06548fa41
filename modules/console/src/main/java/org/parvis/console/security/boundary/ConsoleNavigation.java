package org.parvis.console.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.Optional;

/**
 * The console's side navigation, grouped by task: only the pages the signed-in staff member may
 * open (asked of the container, which applies web.xml's constraints: one rule, not two), the
 * current page marked, and the breadcrumbs that say where one is.
 */
@Named
@RequestScoped
public class ConsoleNavigation {

  /** A page of the menu: its message key, its address and the pages opened from it. */
  public record Item(String key, String path, List<String> under) {

    boolean covers(String viewId) {
      return path.equals(viewId) || under.contains(viewId);
    }
  }

  /** A group of pages under a heading. */
  public record Group(String key, List<Item> items) {}

  private static Item item(String key, String path, String... under) {
    return new Item(key, path, List.of(under));
  }

  static final Item HOME = item("home.title", "/staff/index.xhtml");

  /** Every page of the menu, by task; each member sees the pages their roles open. */
  static final List<Group> MENU =
      List.of(
          new Group(
              "nav.content",
              List.of(
                  item(
                      "content.articles",
                      "/staff/content/articles.xhtml",
                      "/staff/content/article.xhtml"),
                  item(
                      "content.events",
                      "/staff/content/events.xhtml",
                      "/staff/content/event.xhtml",
                      "/staff/content/registrants.xhtml"),
                  item(
                      "content.people",
                      "/staff/content/people.xhtml",
                      "/staff/content/person.xhtml"),
                  item("content.media", "/staff/content/media.xhtml"),
                  item("content.pages", "/staff/content/pages.xhtml"),
                  item("content.newsletter", "/staff/content/newsletter.xhtml"),
                  item("content.subscribers", "/staff/content/subscribers.xhtml"),
                  item("content.messages", "/staff/content/messages.xhtml"))),
          new Group(
              "nav.network",
              List.of(
                  item("initiatives.title", "/staff/network/initiatives.xhtml"),
                  item("activity.title", "/staff/network/activity.xhtml"),
                  item("official.title", "/staff/admin/officials.xhtml"),
                  item("freeze.title", "/staff/moderation/frozen.xhtml"))),
          new Group(
              "nav.moderation",
              List.of(
                  item(
                      "moderation.queue.title",
                      "/staff/moderation/queue.xhtml",
                      "/staff/moderation/author.xhtml"))),
          new Group(
              "nav.privacy",
              List.of(
                  item("register.title", "/staff/privacy/register.xhtml"),
                  item(
                      "request.title",
                      "/staff/privacy/requests.xhtml",
                      "/staff/privacy/request.xhtml"),
                  item("retention.title", "/staff/privacy/retention.xhtml"))),
          new Group(
              "nav.system",
              List.of(
                  item("staff.title", "/staff/admin/accounts.xhtml"),
                  item("identity.title", "/staff/admin/identity.xhtml"),
                  item("audit.title", "/staff/admin/audit.xhtml"),
                  item("system.title", "/staff/admin/system.xhtml"))),
          new Group(
              "nav.account",
              List.of(
                  item("security.title", "/staff/security.xhtml"),
                  item("password.title", "/staff/password.xhtml"),
                  item("twoFactor.title", "/staff/two-factor.xhtml"))));

  @Inject FacesContext faces;
  @Inject SecurityContext security;

  private List<Group> visible;

  /** The groups with at least one page the signed-in member may open, and those pages only. */
  public List<Group> getGroups() {
    if (visible == null) {
      visible =
          MENU.stream()
              .map(g -> new Group(g.key(), g.items().stream().filter(this::opens).toList()))
              .filter(g -> !g.items().isEmpty())
              .toList();
    }
    return visible;
  }

  public Item getHome() {
    return HOME;
  }

  /** Whether the item is the page shown or the one it was opened from. */
  public boolean current(Item item) {
    return item.covers(viewId());
  }

  /** The group of the page shown, if it is in the menu (the dashboard is in none). */
  public Group getCurrentGroup() {
    return currentItem().flatMap(i -> groupOf(i)).orElse(null);
  }

  /** The menu item of the page shown, when the page is one opened from it (an editor). */
  public Item getParentItem() {
    return currentItem().filter(i -> !i.path().equals(viewId())).orElse(null);
  }

  private Optional<Item> currentItem() {
    String viewId = viewId();
    return MENU.stream().flatMap(g -> g.items().stream()).filter(i -> i.covers(viewId)).findFirst();
  }

  private static Optional<Group> groupOf(Item item) {
    return MENU.stream().filter(g -> g.items().contains(item)).findFirst();
  }

  private boolean opens(Item item) {
    return security.hasAccessToWebResource(item.path(), "GET");
  }

  private String viewId() {
    var root = faces.getViewRoot();
    return root == null ? "" : root.getViewId();
  }
}
