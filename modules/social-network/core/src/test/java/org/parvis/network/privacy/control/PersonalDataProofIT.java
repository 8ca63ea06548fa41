package org.parvis.network.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.kernel.api.privacy.ProcessingRegister;
import org.parvis.network.NetworkFixture;
import org.parvis.network.follow.control.Follows;
import org.parvis.network.initiative.control.Debate;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Initiatives.Proposal;
import org.parvis.network.initiative.control.Petitions;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.testing.ModuleDeployment;
import org.parvis.testing.StoredData;

/**
 * The export and the erasure proved by what the network database stores, not by what the code
 * declares. A member is given rows in every table that the processing register says may hold their
 * data (the test fails if one is missing, so a new personal table needs seeding, export and
 * erasure); then every row of theirs is looked for in the export, read from the database; then,
 * after erasure, every column of every table — text, binary (archives unzipped), JSON — is scanned
 * for their email, name, handle, address and browser, and the signature count they contributed to
 * must not move.
 */
@ExtendWith(ArquillianExtension.class)
class PersonalDataProofIT {

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of(
        "social-network-personal-data",
        PersonalDataProofIT.class,
        NetworkFixture.class,
        StoredData.class);
  }

  /**
   * Personal tables whose rows cannot be tied to one member, or that are never exported, with the
   * reason. Everything else the register calls personal must be seeded, exported and erased.
   */
  private static final Map<String, String> NOT_TIED =
      Map.of(
          "sign_in_throttle", "keys are salted digests of an address or account: tied to nobody",
          "retired_handle", "a digest of an erased handle, tied to no account");

  private static final Map<String, String> NOT_EXPORTED =
      Map.of(
          "member_email_token", "single-use secrets for confirming an address (2 days)",
          "member_badge_due", "a queue of badges to award, emptied within minutes",
          "signature_tally", "a queue of counts, folded into the initiative within minutes");

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Resource(lookup = "jdbc/network")
  DataSource network;

  @Inject NetworkDatabase database;
  @Inject Initiatives initiatives;
  @Inject Petitions petitions;
  @Inject Debate debate;
  @Inject Follows follows;
  @Inject MemberExport export;
  @Inject AccountErasure erasure;
  @Inject UserTransaction transaction;

  private String tag;
  private String handle;
  private String email;
  private String name;
  private String address;
  private String browser;
  private long member;
  private Instant base;

  @BeforeEach
  void migrated() {
    assertThat(database.schema().migrate().succeeded()).isTrue();
  }

  @Test
  void theNetworkPoolReachesTheDatabaseMarkedAsTheNetworks() throws Exception {
    try (var db = network.getConnection();
        var rows = db.createStatement().executeQuery("SELECT side FROM parvis_database")) {
      var sides = new ArrayList<String>();
      while (rows.next()) {
        sides.add(rows.getString(1));
      }
      assertThat(sides).containsExactly("network");
    }
  }

  @Test
  void everyRowAboutAMemberIsExportedAndNothingIdentifyingOutlivesTheirErasure() throws Exception {
    seed();
    var tables = personalTables();

    // 1. Seeded everywhere the register says their data may be.
    var theirs = new TreeMap<String, List<Map<String, Object>>>();
    try (var db = network.getConnection()) {
      for (String table : tables) {
        theirs.put(table, rowsOf(db, table));
      }
    }
    assertThat(
            theirs.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey))
        .as("personal tables (register) where the seeded member has no row: seed them")
        .isEmpty();

    // 2. Each of their rows is in the export: a distinguishing value of it (a time, a text) is.
    Set<String> exported = StoredData.values(export.export(member));
    var missing = new ArrayList<String>();
    for (var entry : theirs.entrySet()) {
      if (NOT_EXPORTED.containsKey(entry.getKey())) {
        continue;
      }
      for (var row : entry.getValue()) {
        var values = StoredData.distinguishing(row, List.of(email, handle, name));
        if (!values.isEmpty() && values.stream().noneMatch(exported::contains)) {
          missing.add(entry.getKey() + " " + row);
        }
      }
    }
    assertThat(missing).as("rows of theirs that the export leaves out").isEmpty();

    // 3. Erased: nothing identifying in any column of any table; counts kept.
    long signatures = signatureCount(signedInitiative);
    erasure.erase(member, AccountErasure.Contributions.KEEP, Instant.now());
    try (var db = network.getConnection()) {
      var traces = new TreeSet<String>();
      for (String trace : List.of(email, name, handle, address, browser)) {
        traces.addAll(StoredData.columnsHolding(db, trace));
      }
      assertThat(traces).as("columns still holding the erased member's identifiers").isEmpty();
    }
    assertThat(signatureCount(signedInitiative))
        .as("their signature still counts")
        .isEqualTo(signatures);
  }

  private long signedInitiative;

  /** A member with rows in every personal table, through the services where they exist. */
  private void seed() throws Exception {
    tag = UUID.randomUUID().toString().substring(0, 8);
    handle = "preuve-" + tag;
    email = handle + "@example.org";
    name = "Zélie Traçable " + tag;
    address = "2001:db8::" + tag.substring(0, 4);
    browser = "ParvisProof/" + tag;
    base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String other = NetworkFixture.handle("voisine");
    transaction.begin();
    member = NetworkFixture.member(em, handle);
    long otherId = NetworkFixture.member(em, other);
    sql("UPDATE member_account SET display_name = ? WHERE id = ?", name, member);
    transaction.commit();

    long own = propose(handle, "Des bancs le long de la Creuse " + tag);
    signedInitiative = propose(other, "Un marché de producteurs le jeudi " + tag);
    assertThat(petitions.sign(handle, signedInitiative)).isEmpty();
    assertThat(petitions.join(handle, signedInitiative)).isEmpty();
    assertThat(follows.follow(handle, Follows.INITIATIVE, Long.toString(signedInitiative)))
        .isEmpty();
    assertThat(follows.follow(handle, Follows.MEMBER, other)).isEmpty();
    assertThat(
            debate
                .comment(handle, signedInitiative, "FOR", "Oui, le jeudi.", null, null, address)
                .problem())
        .isNull();

    transaction.begin();
    sql(
        "INSERT INTO member_consent (id, member_id, purpose, text_version, given_at)"
            + " VALUES (?, ?, 'MEMBERSHIP', '2026-01', ?)",
        id(),
        member,
        at(1));
    sql(
        "INSERT INTO member_security_event (id, member_id, occurred_at, kind, remote_address,"
            + " detail) VALUES (?, ?, ?, 'SIGNED_IN', ?, ?)",
        id(),
        member,
        at(2),
        address,
        browser);
    sql(
        "INSERT INTO member_session (session_digest, member_id, started_at, last_seen_at,"
            + " remote_address, browser) VALUES (?, ?, ?, ?, ?, ?)",
        "s" + tag,
        member,
        at(3),
        at(4),
        address,
        browser);
    sql(
        "INSERT INTO member_device (device_digest, member_id, first_seen_at, last_seen_at,"
            + " browser) VALUES (?, ?, ?, ?, ?)",
        "d" + tag,
        member,
        at(5),
        at(6),
        browser);
    sql(
        "INSERT INTO member_email_token (token_digest, member_id, purpose, new_email, created_at,"
            + " expires_at) VALUES (?, ?, 'EMAIL_CHANGE', ?, ?, ?)",
        "t" + tag,
        member,
        "nouvelle." + email,
        at(7),
        at(8));
    sql(
        "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at,"
            + " attempts) VALUES (?, ?, ?, ?, ?, 0)",
        email,
        "Bienvenue " + tag,
        "Bonjour " + name,
        at(9),
        at(9));
    sql(
        "INSERT INTO official_mandate (id, member_id, title, territory_kind, territory_code,"
            + " territory_name, ends_on, granted_at, granted_by) VALUES (?, ?, ?, 'COMMUNE',"
            + " '23096', 'Guéret', ?, ?, 'admin')",
        id(),
        member,
        "Conseillère municipale " + tag,
        LocalDate.now().plusYears(2),
        at(10));
    sql(
        "INSERT INTO account_freeze (id, member_id, frozen_at, reason) VALUES (?, ?, ?, 'LINKS')",
        id(),
        member,
        at(11));
    sql(
        "INSERT INTO member_notification (member_id, kind, initiative_id, created_at)"
            + " VALUES (?, 'COUNTER', ?, ?)",
        member,
        signedInitiative,
        at(12));
    sql(
        "INSERT INTO member_badge (member_id, badge, level, awarded_at) VALUES (?, 'FIRST', 1, ?)",
        member,
        at(13));
    sql("INSERT INTO member_badge_due (member_id) VALUES (?)", member);
    sql(
        "INSERT INTO initiative_revision (initiative_id, revision, title, description, written_at)"
            + " VALUES (?, 0, ?, '<p>Première version.</p>', ?)",
        own,
        "Des bancs au bord de la Creuse " + tag,
        at(19));
    sql(
        "INSERT INTO member_points_daily (member_id, on_day, points) VALUES (?, ?, 7.25)",
        member,
        LocalDate.now().minusDays(3));
    sql(
        "INSERT INTO initiative_routing (initiative_id, official_id, routed_at) VALUES (?, ?, ?)",
        signedInitiative,
        member,
        at(14));
    sql(
        "INSERT INTO official_answer (id, initiative_id, official_id, mandate_title, body,"
            + " answered_at, delay_seconds) VALUES (?, ?, ?, ?, ?, ?, 60)",
        id(),
        signedInitiative,
        member,
        "Conseillère municipale",
        "Nous l'étudierons en conseil " + tag,
        at(15));
    sql(
        "INSERT INTO privacy_request (kind, channel, requester, subject, received_on, due_on,"
            + " status, action_taken, proof_sent, handled_by, created_at, updated_at)"
            + " VALUES ('ACCESS', 'MAIL', 'Par courrier', ?, ?, ?, 'OPEN', '', '', 'dpo', ?, ?)",
        handle,
        LocalDate.now(),
        LocalDate.now().plusMonths(1),
        at(16),
        at(16));
    sql(
        "INSERT INTO member_archive (member_id, status, progress, requested_at, ready_at,"
            + " expires_at, content, size_bytes) VALUES (?, 'READY', 100, ?, ?, ?, ?, 10)",
        member,
        at(17),
        at(18),
        base.plusSeconds(86_400).atOffset(ZoneOffset.UTC),
        StoredData.zip("donnees.json", "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}"));
    transaction.commit();
    ownInitiatives = Set.of(own);
  }

  /** The initiatives the member wrote: rows of tables without a member column follow them. */
  private Set<Long> ownInitiatives = Set.of();

  /** Tables of the network's register with personal columns that a member's rows can be in. */
  private static Set<String> personalTables() {
    return ProcessingRegister.all(PersonalDataProofIT.class.getClassLoader()).stream()
        .filter(e -> e.module().equals("social-network"))
        .filter(ProcessingRegister.Entry::personal)
        .filter(e -> !e.category().startsWith("staff"))
        .map(ProcessingRegister.Entry::table)
        .filter(t -> !NOT_TIED.containsKey(t))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The rows of {@code table} that are the member's: by their id in a member column, by their
   * address or handle, or, for tables without a member column, by an initiative they wrote.
   */
  private List<Map<String, Object>> rowsOf(Connection db, String table) throws SQLException {
    return StoredData.rows(
        db,
        table,
        row -> {
          for (String column : List.of("member_id", "author_id", "official_id")) {
            if (row.get(column) instanceof Number n && n.longValue() == member) {
              return true;
            }
          }
          if (row.values().stream()
              .anyMatch(
                  v ->
                      v instanceof String s
                          && (s.equalsIgnoreCase(email) || s.equalsIgnoreCase(handle)))) {
            return true;
          }
          boolean memberColumn =
              row.containsKey("member_id")
                  || row.containsKey("author_id")
                  || row.containsKey("official_id");
          return !memberColumn
              && row.get("initiative_id") instanceof Number initiative
              && ownInitiatives.contains(initiative.longValue());
        });
  }

  private long propose(String author, String title) {
    var outcome =
        initiatives.propose(
            author,
            new Proposal(
                title,
                "<p>Une description assez longue pour être acceptée par le réseau.</p>",
                "TRANSPORT",
                "COMMUNE",
                NetworkFixture.GUERET,
                null,
                null,
                null,
                null),
            true,
            address);
    assertThat(outcome.problems()).isEmpty();
    return outcome.id();
  }

  private long signatureCount(long initiative) {
    return petitions.counts(initiative, null).signatures();
  }

  private static long nextId = 9_000_000L + (System.nanoTime() % 1_000_000L) * 10;

  private static synchronized long id() {
    return nextId++;
  }

  /** A distinct time per seeded row, so that each row has values of its own. */
  private OffsetDateTime at(int seconds) {
    return base.minusSeconds(1_000L + seconds * 7L).atOffset(ZoneOffset.UTC);
  }

  private void sql(String statement, Object... parameters) {
    var query = em.createNativeQuery(statement);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    query.executeUpdate();
  }
}
