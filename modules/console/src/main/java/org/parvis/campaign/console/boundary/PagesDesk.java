package org.parvis.campaign.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.parvis.campaign.site.control.BrandPages;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;

/** Editors write the legal pages, and read the contact and volunteer messages. */
@Named
@RequestScoped
public class PagesDesk {

  @Inject FacesContext faces;
  @Inject org.parvis.kernel.api.audit.AuditSubject subject;
  @Inject SecurityContext security;
  @Inject BrandPages pages;
  @Inject PageMessages messages;

  private BrandPages.Slug slug = BrandPages.Slug.MENTIONS_LEGALES;
  private String title;
  private String body;

  @PostConstruct
  void fromAddress() {
    BrandPages.Slug.of(
            String.valueOf(faces.getExternalContext().getRequestParameterMap().get("nom")))
        .ifPresent(s -> slug = s);
    pages
        .page(slug)
        .ifPresent(
            p -> {
              title = p.title();
              body = p.body();
            });
  }

  public List<BrandPages.Slug> getSlugs() {
    return Arrays.asList(BrandPages.Slug.values());
  }

  @Audited(value = "PAGE_SAVED", side = "brand")
  public String save() {
    var problem =
        pages.write(slug, title, body, security.getCallerPrincipal().getName(), Instant.now());
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    subject.about(slug.path);
    messages.info("page.saved");
    messages.keepForNextPage();
    return "/staff/content/pages.xhtml?faces-redirect=true&nom=" + slug.path;
  }

  public BrandPages.Slug getSlug() {
    return slug;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
