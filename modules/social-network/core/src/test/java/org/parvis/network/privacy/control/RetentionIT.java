package org.parvis.network.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.NetworkFixture;
import org.parvis.network.initiative.control.Petitions;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.privacy.api.RetentionJobs;
import org.parvis.privacy.api.RetentionRun;
import org.parvis.testing.ModuleDeployment;

/**
 * The retention job (Jakarta Batch) on Payara Micro and the network database, its clock set by the
 * job parameter {@code asOf}: the test's members are made old, the job is run as of now and of days
 * to come. Other tests' data is recent, so these clocks leave it alone.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

  private static final Duration THREE_YEARS = Duration.ofDays(3 * 365 + 1);

  @Deployment
  static WebArchive deployment() {
    // arquillian.xml sets parvis.retention.scan-page=1: inactive accounts are read one at a time,
    // so every scenario also walks several pages.
    return ModuleDeployment.of("social-network-retention", RetentionIT.class, NetworkFixture.class);
  }

  @Inject NetworkDatabase database;
  @Inject RetentionJobs jobs;
  @Inject Petitions petitions;
  @Inject MemberArchives archives;
  @Inject UserTransaction transaction;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void inactiveMembersAreWarnedTwiceThenErasedUnlessTheyComeBack() throws Exception {
    String sleeper = NetworkFixture.handle("dormeuse");
    String returning = NetworkFixture.handle("revenant");
    String active = NetworkFixture.handle("active");
    transaction.begin();
    for (String handle : List.of(sleeper, returning, active)) {
      NetworkFixture.member(em, handle);
    }
    // Three years of inactivity end in 20 days for both.
    lastActive(sleeper, now.minus(THREE_YEARS).plus(Duration.ofDays(20)));
    lastActive(returning, now.minus(THREE_YEARS).plus(Duration.ofDays(20)));
    transaction.commit();

    assertThat(run(now)).isEqualTo(BatchStatus.COMPLETED);
    assertThat(mailsTo(sleeper)).containsExactly("sera supprimé le");
    assertThat(mailsTo(returning)).hasSize(1);
    assertThat(mailsTo(active)).isEmpty();
    assertThat(run(now.plus(Duration.ofHours(1)))).isEqualTo(BatchStatus.COMPLETED);
    assertThat(mailsTo(sleeper)).as("each notice once").hasSize(1);

    // One comes back: signing in starts the three years over.
    transaction.begin();
    em.createNativeQuery("UPDATE member_account SET last_sign_in_at = ? WHERE handle = ?")
        .setParameter(1, Rows.utc(now.plus(Duration.ofDays(1))))
        .setParameter(2, returning)
        .executeUpdate();
    transaction.commit();

    assertThat(run(now.plus(Duration.ofDays(14)))).isEqualTo(BatchStatus.COMPLETED);
    assertThat(mailsTo(sleeper)).as("the 7-day notice").hasSize(2);
    assertThat(mailsTo(returning)).hasSize(1);

    // The deadline has passed, but the last notice promised seven days: not before.
    assertThat(run(now.plus(Duration.ofDays(20)).plus(Duration.ofHours(2))))
        .isEqualTo(BatchStatus.COMPLETED);
    assertThat(erased(sleeper)).isFalse();

    long execution = start(now.plus(Duration.ofDays(21)).plus(Duration.ofHours(1)));
    assertThat(await(execution)).isEqualTo(BatchStatus.COMPLETED);
    assertThat(erased(sleeper)).as("erased: the handle is gone").isTrue();
    assertThat(erased(returning)).isFalse();
    assertThat(erased(active)).isFalse();
    assertThat(journal(execution, NetworkRetention.INACTIVE)).isGreaterThanOrEqualTo(1);
    assertThat(jobs.executions(5)).extracting(RetentionJobs.Execution::id).contains(execution);
  }

  @Test
  void oldLogsUnconfirmedSignUpsAndSignaturesOfLongEndedInitiativesGo() throws Exception {
    String author = NetworkFixture.handle("autrice");
    String unconfirmedOld = NetworkFixture.handle("oubli");
    String unconfirmedNew = NetworkFixture.handle("hesite");
    List<String> signers =
        List.of(
            NetworkFixture.handle("sa"), NetworkFixture.handle("sb"), NetworkFixture.handle("sc"));
    transaction.begin();
    long authorId = NetworkFixture.member(em, author);
    for (String h : List.of(unconfirmedOld, unconfirmedNew)) {
      NetworkFixture.member(em, h);
    }
    em.createNativeQuery(
            "UPDATE member_account SET email_confirmed_at = NULL, created_at = ? WHERE handle = ?")
        .setParameter(1, Rows.utc(now.minus(Duration.ofDays(8))))
        .setParameter(2, unconfirmedOld)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE member_account SET email_confirmed_at = NULL, created_at = ? WHERE handle = ?")
        .setParameter(1, Rows.utc(now.minus(Duration.ofDays(1))))
        .setParameter(2, unconfirmedNew)
        .executeUpdate();
    securityEvent(authorId, now.minus(Duration.ofDays(400)), "203.0.113.40");
    securityEvent(authorId, now.minus(Duration.ofDays(10)), "203.0.113.41");
    long ended = initiative(authorId, "CLOSED", now.minus(Duration.ofDays(400)));
    long open = initiative(authorId, "PUBLISHED", null);
    for (String h : signers) {
      long signer = NetworkFixture.member(em, h);
      sign(ended, signer);
      sign(open, signer);
    }
    transaction.commit();
    long endedCount = petitions.counts(ended, null).signatures();

    long execution = start(now);
    assertThat(await(execution)).isEqualTo(BatchStatus.COMPLETED);

    assertThat(exists(unconfirmedOld)).as("unconfirmed for 8 days: purged").isFalse();
    assertThat(exists(unconfirmedNew)).as("unconfirmed for 1 day: kept").isTrue();
    assertThat(addresses(authorId)).containsExactly("203.0.113.41");
    assertThat(signatureRows(ended)).as("who signed the ended initiative is forgotten").isZero();
    assertThat(petitions.counts(ended, null).signatures()).isEqualTo(endedCount).isEqualTo(3);
    assertThat(signatureRows(open)).as("an open initiative keeps its signers").isEqualTo(3);
    assertThat(journal(execution, NetworkRetention.SIGNATURES)).isGreaterThanOrEqualTo(3);
    assertThat(journal(execution, NetworkRetention.UNCONFIRMED)).isGreaterThanOrEqualTo(1);
    assertThat(journal(execution, NetworkRetention.SECURITY_LOG)).isGreaterThanOrEqualTo(1);
    assertThat(jobs.journal(200))
        .filteredOn(r -> r.execution() == execution)
        .extracting(RetentionRun::category)
        .as("every category journalled")
        .containsAll(jobs.categories().stream().map(c -> c.category().name()).toList());
  }

  @Test
  void anArchiveIsBuiltInTheBackgroundDownloadableByItsOwnerUntilItExpiresThenDeleted()
      throws Exception {
    String owner = NetworkFixture.handle("archiviste");
    String other = NetworkFixture.handle("curieux");
    transaction.begin();
    long ownerId = NetworkFixture.member(em, owner);
    long otherId = NetworkFixture.member(em, other);
    securityEvent(ownerId, now.minus(Duration.ofDays(3)), "203.0.113.50");
    transaction.commit();

    long id = archives.queue(ownerId, now).orElseThrow();
    assertThat(archives.queue(ownerId, now)).as("one at a time").contains(id);
    assertThat(archives.latest(ownerId).orElseThrow().status()).isEqualTo("QUEUED");
    assertThat(await(archives.start(id))).isEqualTo(BatchStatus.COMPLETED);

    var archive = archives.latest(ownerId).orElseThrow();
    assertThat(archive.status()).isEqualTo("READY");
    assertThat(archive.progress()).isEqualTo(100);
    Instant later = Instant.now();
    assertThat(archive.downloadable(later)).isTrue();
    assertThat(archive.expiresAt()).isAfter(later.plus(Duration.ofDays(6)));
    byte[] zip = archives.content(id, ownerId, later).orElseThrow();
    var entries = new java.util.HashMap<String, String>();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(
            entry.getName(),
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    assertThat(entries.get("donnees.json")).contains(owner + "@example.org", "203.0.113.50");
    for (String category : MemberExport.CATEGORIES) {
      assertThat(entries.get("donnees.json")).contains("\"" + category + "\"");
    }
    assertThat(entries.get("index.html")).contains("<h2 id=\"securityLog\">securityLog (1)</h2>");
    assertThat(mailsTo(owner)).anyMatch(subject -> subject.contains("sont prêtes"));
    assertThat(archives.content(id, otherId, later)).as("not someone else's").isEmpty();
    assertThat(archives.content(id, ownerId, archive.expiresAt().plusSeconds(1)))
        .as("expired")
        .isEmpty();

    assertThat(run(archive.expiresAt().plus(Duration.ofHours(1)))).isEqualTo(BatchStatus.COMPLETED);
    assertThat(archives.latest(ownerId)).as("deleted by retention once expired").isEmpty();
  }

  @Test
  void aMemberAsksForThreeArchivesADayAtMost() throws Exception {
    transaction.begin();
    long member = NetworkFixture.member(em, NetworkFixture.handle("presse"));
    transaction.commit();
    for (int i = 0; i < MemberArchives.PER_DAY; i++) {
      long id = archives.queue(member, now).orElseThrow();
      transaction.begin();
      em.createNativeQuery("UPDATE member_archive SET status = 'FAILED' WHERE id = ?")
          .setParameter(1, id)
          .executeUpdate();
      transaction.commit();
    }
    assertThat(archives.queue(member, now)).isEmpty();
    assertThat(archives.queue(member, now.plus(Duration.ofDays(1)).plusSeconds(1))).isPresent();
  }

  private long start(Instant asOf) {
    return jobs.start(asOf);
  }

  private BatchStatus run(Instant asOf) throws InterruptedException {
    return await(start(asOf));
  }

  private static BatchStatus await(long execution) throws InterruptedException {
    return org.parvis.testing.BatchJobs.ended(execution, Duration.ofSeconds(60));
  }

  private int journal(long execution, String category) {
    return jobs.journal(200).stream()
        .filter(r -> r.execution() == execution && r.category().equals(category))
        .peek(r -> assertThat(r.error()).isNull())
        .mapToInt(RetentionRun::affected)
        .sum();
  }

  private void lastActive(String handle, Instant at) {
    em.createNativeQuery(
            "UPDATE member_account SET created_at = ?, last_sign_in_at = ? WHERE handle = ?")
        .setParameter(1, Rows.utc(at))
        .setParameter(2, Rows.utc(at))
        .setParameter(3, handle)
        .executeUpdate();
  }

  /** The subjects of the mails queued for the member, cut after "supprimé le" for the notices. */
  private List<String> mailsTo(String handle) {
    @SuppressWarnings("unchecked")
    List<String> subjects =
        read(
            () ->
                em.createNativeQuery(
                        "SELECT subject FROM mail_outbox WHERE recipient = ? ORDER BY id")
                    .setParameter(1, handle + "@example.org")
                    .getResultList());
    return subjects.stream()
        .map(s -> s.contains("sera supprimé le") ? "sera supprimé le" : s)
        .toList();
  }

  private boolean erased(String handle) {
    return !exists(handle);
  }

  private boolean exists(String handle) {
    return read(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT COUNT(*) FROM member_account WHERE handle = ?"
                                    + " AND erased_at IS NULL")
                            .setParameter(1, handle)
                            .getSingleResult())
                    .longValue())
        > 0;
  }

  private void securityEvent(long member, Instant at, String address) {
    em.createNativeQuery(
            "INSERT INTO member_security_event (id, member_id, occurred_at, kind, remote_address)"
                + " VALUES (NEXT VALUE FOR member_security_event_id_seq, ?, ?, 'SIGN_IN', ?)")
        .setParameter(1, member)
        .setParameter(2, Rows.utc(at))
        .setParameter(3, address)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<String> addresses(long member) {
    return read(
        () ->
            em.createNativeQuery(
                    "SELECT remote_address FROM member_security_event WHERE member_id = ?")
                .setParameter(1, member)
                .getResultList());
  }

  private long initiative(long author, String status, Instant endedAt) {
    long id =
        ((Number) em.createNativeQuery("SELECT NEXT VALUE FOR initiative_id_seq").getSingleResult())
            .longValue();
    em.createNativeQuery(
            "INSERT INTO initiative (id, author_id, title, description, theme, scope_kind,"
                + " scope_name, status, created_at, published_at, ended_at, last_activity_at,"
                + " revision, signature_count) VALUES (?, ?, 'Un banc place du marché',"
                + " 'Pour s’asseoir.', 'OTHER', 'NATIONAL', 'France', ?, ?, ?, ?, ?, 1, 3)")
        .setParameter(1, id)
        .setParameter(2, author)
        .setParameter(3, status)
        .setParameter(4, Rows.utc(now.minus(Duration.ofDays(500))))
        .setParameter(5, Rows.utc(now.minus(Duration.ofDays(500))))
        .setParameter(6, Rows.utc(endedAt))
        .setParameter(7, Rows.utc(now))
        .executeUpdate();
    return id;
  }

  private void sign(long initiative, long member) {
    em.createNativeQuery(
            "INSERT INTO initiative_signature (initiative_id, member_id, signed_at)"
                + " VALUES (?, ?, ?)")
        .setParameter(1, initiative)
        .setParameter(2, member)
        .setParameter(3, Rows.utc(now.minus(Duration.ofDays(450))))
        .executeUpdate();
  }

  private long signatureRows(long initiative) {
    return read(
        () ->
            ((Number)
                    em.createNativeQuery(
                            "SELECT COUNT(*) FROM initiative_signature WHERE initiative_id = ?")
                        .setParameter(1, initiative)
                        .getSingleResult())
                .longValue());
  }

  /**
   * Reads in a transaction: outside one, this server may hand the test an entity manager already
   * closed by an earlier transactional call on the same thread.
   */
  private <T> T read(java.util.function.Supplier<T> query) {
    try {
      transaction.begin();
      try {
        return query.get();
      } finally {
        transaction.commit();
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
