package org.parvis.kernel.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The CSS foundation under Parvis's own stylesheet: Pico CSS, from its WebJar in WEB-INF/lib,
 * served as a Faces resource of the library {@code webjars}. Its path carries the WebJar's version,
 * read from the jar itself so that the pom's version is the only place it is written.
 */
@Named
@ApplicationScoped
public class Styles {

  private static final String WEBJAR = "picocss__pico";
  private static final String POM = "META-INF/maven/org.webjars.npm/" + WEBJAR + "/pom.properties";

  private final String foundation = WEBJAR + "/" + version() + "/css/pico.min.css";

  /** The foundation's resource name in the library {@code webjars}. */
  public String getFoundation() {
    return foundation;
  }

  private static String version() {
    try (InputStream in = Styles.class.getClassLoader().getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException(POM + " is missing: the Pico CSS WebJar is not deployed");
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
