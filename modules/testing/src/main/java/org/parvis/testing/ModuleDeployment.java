package org.parvis.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.flywaydb.core.Flyway;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.parvis.kernel.api.DatabaseSchema;

/**
 * The deployment of one module for its Arquillian tests on Payara Micro: the module's compiled
 * classes and resources (persistence.xml, migrations) as they are built, with the kernel and the
 * libraries the EAR puts in lib/. The datasources come from server-config/h2.asadmin, the same file
 * Payara Server applies.
 */
public final class ModuleDeployment {

  private ModuleDeployment() {}

  /**
   * @param name the archive name, e.g. "campaign-site"
   * @param testClasses the test classes that run inside the server
   */
  public static WebArchive of(String name, Class<?>... testClasses) {
    var war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .merge(
                ShrinkWrap.create(JavaArchive.class)
                    .as(ExplodedImporter.class)
                    .importDirectory(moduleClasses().toFile())
                    .as(JavaArchive.class),
                "/WEB-INF/classes")
            .addClasses(testClasses)
            .addClasses(BatchJobs.class, StoredData.class)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsLibrary(library(DatabaseSchema.class))
            .addAsLibrary(library(org.parvis.privacy.api.RetentionJobs.class))
            .addAsLibrary(library(Flyway.class))
            .addAsLibrary(library(CSVFormat.class))
            .addAsLibrary(library(org.apache.commons.io.IOUtils.class))
            .addAsLibrary(library(org.apache.commons.codec.Charsets.class))
            .addAsLibrary(library(com.eatthepath.otp.TimeBasedOneTimePasswordGenerator.class))
            .addAsLibrary(library(com.google.zxing.qrcode.QRCodeWriter.class))
            .addAsLibrary(library(com.nulabinc.zxcvbn.Zxcvbn.class))
            .addAsLibrary(library(org.owasp.html.HtmlPolicyBuilder.class))
            .addAsLibrary(library(org.owasp.shim.Java8Shim.class))
            .addAsLibrary(library(org.owasp.shim.Notice.class))
            .addAsLibrary(library(org.assertj.core.api.Assertions.class));
    return war;
  }

  /** target/classes of the module whose tests are running. */
  private static Path moduleClasses() {
    Path classes = Path.of("target", "classes").toAbsolutePath();
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("Run the integration tests with Maven: no " + classes);
    }
    return classes;
  }

  /** The jar (or, in an IDE, the classes folder) a class comes from, as a library archive. */
  private static JavaArchive library(Class<?> type) {
    try {
      File location = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (location.isDirectory()) {
        return ShrinkWrap.create(
                JavaArchive.class, location.getParentFile().getParentFile().getName() + ".jar")
            .as(ExplodedImporter.class)
            .importDirectory(location)
            .as(JavaArchive.class);
      }
      return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
