package org.parvis.campaign.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.parvis.campaign.media.control.MediaLibrary;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.media.Images;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.kernel.api.web.TablePage;

/** Editors upload images (PNG or JPEG, told from their content) and see the latest ones. */
@Named
@RequestScoped
public class MediaDesk {

  @Inject SecurityContext security;
  @Inject MediaLibrary library;
  @Inject PageMessages messages;

  @Inject jakarta.faces.context.ExternalContext external;

  private Part file;
  private String title;
  private String search = "";
  private TablePage<MediaLibrary.Stored> table;

  /** The list's search and page from the address ({@code ?q=…&page=…}). */
  @jakarta.annotation.PostConstruct
  void fromRequest() {
    var parameters = external.getRequestParameterMap();
    search = TablePage.search(parameters);
    table =
        TablePage.of(
            parameters,
            MediaLibrary.PAGE_SIZE,
            (first, size) -> library.recent(search, first, size));
  }

  /** The uploads of the page shown, newest first. */
  public TablePage<MediaLibrary.Stored> getTable() {
    return table;
  }

  /** How many uploads match the search. */
  public long getCount() {
    return library.count(search);
  }

  public String getSearch() {
    return search;
  }

  /** The search as the pager's links carry it, encoded. */
  public String getSearchQuery() {
    return "q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Audited(value = "MEDIA_UPLOADED", side = "brand")
  public String upload() {
    if (file == null || file.getSize() == 0) {
      messages.errorOn("file", "media.file.required");
      return null;
    }
    if (file.getSize() > Images.MAX_BYTES) {
      messages.errorOn("file", "image.too-big");
      return null;
    }
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readNBytes(Images.MAX_BYTES + 1);
    } catch (IOException e) {
      messages.errorOn("file", "media.file.required");
      return null;
    }
    var upload =
        library.upload(security.getCallerPrincipal().getName(), title, bytes, Instant.now());
    if (upload.problem() != null) {
      messages.errorOn(
          upload.problem().startsWith("media.title") ? "title" : "file", upload.problem());
      return null;
    }
    messages.info("media.uploaded");
    messages.keepForNextPage();
    return "/staff/content/media.xhtml?faces-redirect=true";
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }
}
