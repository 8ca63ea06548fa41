package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reverse proxy the README documents, for real: Debian's nginx (installed by the build) runs
 * {@code server-config/virtual-hosts.nginx.example} with only its ports, certificate and upstream
 * changed, in front of the deployed EAR, which trusts the loopback address as its proxy. Visitors
 * come over HTTPS; the server sees plain HTTP from 127.0.0.1 and must still know each visitor's
 * address, that the visit is secure, and keep every redirect on the proxy's address.
 */
class NginxProxyIT {

  private static Process nginx;
  private static Path dir;
  private static String brand;
  private static String network;
  private static SSLContext tls;

  @BeforeAll
  static void nginxInFrontOfParvis() throws Exception {
    Mailbox.start();
    dir =
        Files.createTempDirectory(
            Path.of(System.getProperty("parvis.buildDir", "target")), "nginx-");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout",
        dir.resolve("privkey.pem").toString(),
        "-out",
        dir.resolve("fullchain.pem").toString());
    int brandPort = freePort();
    int networkPort = freePort();
    int plainPort = freePort();
    var upstream = URI.create(Http.baseUrl());
    String example =
        Files.readString(
            Path.of(System.getProperty("parvis.root", "../.."))
                .resolve("server-config/virtual-hosts.nginx.example"));
    String site =
        example
            .replaceFirst("listen 443 ssl;", "listen 127.0.0.1:" + brandPort + " ssl;")
            .replaceFirst("listen 443 ssl;", "listen 127.0.0.1:" + networkPort + " ssl;")
            .replace("listen 80;", "listen 127.0.0.1:" + plainPort + ";")
            .replace("/etc/ssl/parvis/", dir + "/")
            .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + upstream.getPort());
    assertThat(site)
        .as("the example's shape")
        .doesNotContain("listen 443", "proxy_pass http://127.0.0.1:8080");
    Files.writeString(dir.resolve("parvis.conf"), site);
    Files.writeString(
        dir.resolve("nginx.conf"),
        String.join(
            "\n",
            "worker_processes 1;",
            "pid " + dir.resolve("nginx.pid") + ";",
            "error_log " + dir.resolve("error.log") + ";",
            "events { worker_connections 64; }",
            "http {",
            "  access_log " + dir.resolve("access.log") + ";",
            "  client_body_temp_path " + dir.resolve("body") + ";",
            "  proxy_temp_path " + dir.resolve("proxy") + ";",
            "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
            "  scgi_temp_path " + dir.resolve("scgi") + ";",
            "  include " + dir.resolve("parvis.conf") + ";",
            "}",
            ""));
    nginx =
        new ProcessBuilder(
                nginxBinary(),
                "-p",
                dir.toString(),
                "-e",
                dir.resolve("error.log").toString(),
                "-c",
                dir.resolve("nginx.conf").toString(),
                "-g",
                "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    waitForPort(brandPort);
    waitForPort(networkPort);
    brand = "https://127.0.0.1:" + brandPort;
    network = "https://127.0.0.1:" + networkPort;
    tls = trusting(dir.resolve("fullchain.pem"));
  }

  @AfterAll
  static void stopNginx() {
    if (nginx != null) {
      nginx.destroy();
    }
  }

  @Test
  void aMemberSignsInAndPostsThroughTheProxyAsThemselves() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "nginx-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var member =
        new WebSession(network, tls)
            .withHeader("Origin", network)
            .withHeader("X-Forwarded-For", "198.51.100.61");

    var home = member.get("/");
    assertThat(home.statusCode()).isEqualTo(301);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/reseau/");
    var form = member.get("/reseau/connexion.xhtml");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Strict-Transport-Security"))
        .as("HTTPS at the proxy is HTTPS for Parvis")
        .isPresent();
    var signedIn =
        member.submit(
            "signin",
            "submit",
            Map.of("email", handle + "@example.org", "password", InitiativesIT.PASSWORD));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow())
        .as("redirects stay on the proxy's address")
        .startsWith("/reseau/");
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("parvis-device="))
        .singleElement()
        .asString()
        .contains("Secure");

    var account = member.get("/reseau/compte/");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(account.body()).text())
        .as("the security log names the visitor, not the proxy")
        .contains("198.51.100.61");

    long initiative = InitiativesIT.propose(member, "Un abri vélo devant la gare " + id);
    assertThat(initiative).as("a form posted through the proxy is accepted").isPositive();

    var forged = new WebSession(network, tls).withHeader("Origin", "https://evil.example");
    forged.get("/reseau/connexion.xhtml");
    assertThat(
            forged
                .submit(
                    "signin",
                    "submit",
                    Map.of("email", handle + "@example.org", "password", InitiativesIT.PASSWORD))
                .statusCode())
        .as("a post from another site is still refused")
        .isEqualTo(403);
  }

  @Test
  void eachHostServesItsOwnSide() {
    var visitor = new WebSession(brand, tls);
    assertThat(visitor.get("/").statusCode()).isEqualTo(200);
    var toNetwork = visitor.get("/reseau/initiatives/");
    assertThat(toNetwork.statusCode()).isEqualTo(301);
    assertThat(toNetwork.headers().firstValue("Location").orElseThrow())
        .isEqualTo("https://reseau.parti.example/reseau/initiatives/");
    var console = visitor.get("/console/staff/");
    assertThat(console.statusCode()).isIn(302, 303);
    assertThat(console.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/console/index.xhtml");
    assertThat(new WebSession(network, tls).get("/console/").statusCode())
        .as("no console on the network's host")
        .isEqualTo(404);
    assertThat(new WebSession(network, tls).get("/reseau/initiatives/").statusCode())
        .isEqualTo(200);
  }

  private static String nginxBinary() {
    for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new AssertionError("nginx is missing: the build installs Debian's (install-debian.sh)");
  }

  private static SSLContext trusting(Path certificate) throws Exception {
    var store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (var in = Files.newInputStream(certificate)) {
      store.setCertificateEntry(
          "nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    var context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void waitForPort(int port) {
    org.awaitility.Awaitility.await("nginx listening on " + port)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .failFast("nginx stopped: see " + dir.resolve("error.log"), () -> !nginx.isAlive())
        .until(() -> listening(port));
  }

  private static boolean listening(int port) {
    try (var socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static void run(String... command) throws Exception {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
  }
}
