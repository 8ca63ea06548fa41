package org.parvis.campaign.privacy.control;

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
import org.parvis.campaign.schema.control.BrandDatabase;
import org.parvis.kernel.api.privacy.ProcessingRegister;
import org.parvis.testing.ModuleDeployment;
import org.parvis.testing.StoredData;

/**
 * The brand side's export and erasure proved by what its database stores, for a person without an
 * account who subscribed to the newsletter, registered for an event and wrote to the party: they
 * are given rows in every table the processing register says may hold such a person's data (the
 * test fails if one is missing); each row is looked for in their export; after erasure every column
 * of every table is scanned for their address and name.
 */
@ExtendWith(ArquillianExtension.class)
class BrandPersonalDataProofIT {

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of(
        "brand-personal-data", BrandPersonalDataProofIT.class, StoredData.class);
  }

  /** Personal tables whose rows name nobody in clear, with the reason. */
  private static final Map<String, String> NOT_TIED =
      Map.of("sign_in_throttle", "keys are salted digests: tied to nobody");

  /** Personal tables left out of the person's export, with the reason. */
  private static final Map<String, String> NOT_EXPORTED =
      Map.of("brand_privacy_link", "the mailed link to this very export (24 hours)");

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Resource(lookup = "jdbc/brand")
  DataSource brand;

  @Inject BrandDatabase database;
  @Inject BrandPersonalData personalData;
  @Inject UserTransaction transaction;

  private String email;
  private String name;
  private Instant base;
  private final Map<String, Long> subjects = new TreeMap<>();

  @BeforeEach
  void migrated() {
    assertThat(database.schema().migrate().succeeded()).isTrue();
  }

  @Test
  void everyRowAboutAPersonIsExportedAndNothingIdentifyingOutlivesTheirErasure() throws Exception {
    seed();
    var theirs = new TreeMap<String, List<Map<String, Object>>>();
    try (var db = brand.getConnection()) {
      for (String table : personalTables()) {
        theirs.put(table, rowsOf(db, table));
      }
    }
    assertThat(
            theirs.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey))
        .as("personal tables (register) where the seeded person has no row: seed them")
        .isEmpty();

    Set<String> exported = StoredData.values(personalData.export(email));
    var missing = new ArrayList<String>();
    theirs.forEach(
        (table, rows) -> {
          if (NOT_EXPORTED.containsKey(table)) {
            return;
          }
          for (var row : rows) {
            var values = StoredData.distinguishing(row, List.of(email, name));
            if (!values.isEmpty() && values.stream().noneMatch(exported::contains)) {
              missing.add(table + " " + row);
            }
          }
        });
    assertThat(missing).as("rows of theirs that the export leaves out").isEmpty();

    personalData.erase(email);
    try (var db = brand.getConnection()) {
      var traces = new TreeSet<String>();
      for (String trace : List.of(email, name)) {
        traces.addAll(StoredData.columnsHolding(db, trace));
      }
      assertThat(traces).as("columns still holding the erased person's identifiers").isEmpty();
    }
  }

  private void seed() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    email = "leonie." + tag + "@example.org";
    name = "Léonie Brandt " + tag;
    base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    transaction.begin();
    sql(
        "INSERT INTO newsletter_subscriber (email, status, themes, language, manage_token,"
            + " subscribed_at, confirmed_at) VALUES (?, 'CONFIRMED', 'ECOLOGY', 'fr', ?, ?, ?)",
        email,
        "m" + tag,
        at(1),
        at(2));
    long subscriber = idOf("SELECT id FROM newsletter_subscriber WHERE email = ?", email);
    subjects.put("SUBSCRIBER", subscriber);
    sql(
        "INSERT INTO newsletter_campaign (subject, body, status, created_by, created_at,"
            + " recipients, queued) VALUES (?, '<p>Lettre</p>', 'SENT', 'editor', ?, 1, 1)",
        "Lettre de rentrée " + tag,
        at(3));
    long campaign =
        idOf("SELECT id FROM newsletter_campaign WHERE subject = ?", "Lettre de rentrée " + tag);
    sql(
        "INSERT INTO newsletter_delivery (campaign_id, subscriber_id, queued_at) VALUES (?, ?, ?)",
        campaign,
        subscriber,
        at(4));
    sql(
        "INSERT INTO agenda_event (slug, title, kind, starts_at, ends_at, place, territory_kind,"
            + " territory_code, territory_name, description, registration, status, sequence,"
            + " created_at, updated_at) VALUES (?, ?, 'MEETING', ?, ?, 'Salle des fêtes',"
            + " 'COMMUNE', '23096', 'Guéret', 'Réunion publique', TRUE, 'PUBLISHED', 0, ?, ?)",
        "reunion-" + tag,
        "Réunion publique " + tag,
        base.plusSeconds(86_400).atOffset(ZoneOffset.UTC),
        base.plusSeconds(90_000).atOffset(ZoneOffset.UTC),
        at(5),
        at(5));
    long event = idOf("SELECT id FROM agenda_event WHERE slug = ?", "reunion-" + tag);
    sql(
        "INSERT INTO agenda_registration (event_id, name, email, registered_at) VALUES (?, ?, ?, ?)",
        event,
        name,
        email,
        at(6));
    subjects.put("REGISTRANT", idOf("SELECT id FROM agenda_registration WHERE email = ?", email));
    sql(
        "INSERT INTO contact_message (kind, name, email, commune, message, received_at)"
            + " VALUES ('VOLUNTEER', ?, ?, 'Guéret', ?, ?)",
        name,
        email,
        "Je veux aider à la campagne " + tag,
        at(7));
    subjects.put("CONTACT", idOf("SELECT id FROM contact_message WHERE email = ?", email));
    int second = 8;
    for (var subject : subjects.entrySet()) {
      sql(
          "INSERT INTO brand_consent (subject_kind, subject_id, purpose, text_version, method,"
              + " given_at) VALUES (?, ?, 'CONTACT', '2026-01', 'form', ?)",
          subject.getKey(),
          subject.getValue(),
          at(second++));
    }
    sql(
        "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at,"
            + " attempts) VALUES (?, ?, ?, ?, ?, 0)",
        email,
        "Confirmez votre inscription " + tag,
        "Bonjour " + name,
        at(20),
        at(20));
    sql(
        "INSERT INTO brand_privacy_link (token_hash, email, expires_at, created_at)"
            + " VALUES (?, ?, ?, ?)",
        "h" + tag,
        email,
        base.plusSeconds(86_400).atOffset(ZoneOffset.UTC),
        at(21));
    sql(
        "INSERT INTO privacy_request (kind, channel, requester, subject, received_on, due_on,"
            + " status, action_taken, proof_sent, handled_by, created_at, updated_at)"
            + " VALUES ('ACCESS', 'MAIL', 'Par courrier', ?, ?, ?, 'OPEN', '', '', 'dpo', ?, ?)",
        email,
        LocalDate.now(),
        LocalDate.now().plusMonths(1),
        at(22),
        at(22));
    transaction.commit();
  }

  /** Tables of the brand register with personal columns about people without an account. */
  private static Set<String> personalTables() {
    return ProcessingRegister.all(BrandPersonalDataProofIT.class.getClassLoader()).stream()
        .filter(e -> e.module().equals("campaign-site"))
        .filter(ProcessingRegister.Entry::personal)
        .filter(e -> !e.category().startsWith("staff") && !e.category().startsWith("public figure"))
        .map(ProcessingRegister.Entry::table)
        .filter(t -> !t.startsWith("staff_") && !NOT_TIED.containsKey(t))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Their rows: naming their address, or pointing at their subscription, registration, message. */
  private List<Map<String, Object>> rowsOf(Connection db, String table) throws SQLException {
    return StoredData.rows(
        db,
        table,
        row -> {
          if (row.values().stream()
              .anyMatch(v -> v instanceof String s && s.equalsIgnoreCase(email))) {
            return true;
          }
          if (row.get("subscriber_id") instanceof Number n
              && n.longValue() == subjects.get("SUBSCRIBER")) {
            return true;
          }
          return row.get("subject_kind") instanceof String kind
              && row.get("subject_id") instanceof Number n
              && subjects.containsKey(kind)
              && n.longValue() == subjects.get(kind);
        });
  }

  private OffsetDateTime at(int seconds) {
    return base.minusSeconds(1_000L + seconds * 7L).atOffset(ZoneOffset.UTC);
  }

  private long idOf(String query, Object parameter) {
    return ((Number) em.createNativeQuery(query).setParameter(1, parameter).getSingleResult())
        .longValue();
  }

  private void sql(String statement, Object... parameters) {
    var query = em.createNativeQuery(statement);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    query.executeUpdate();
  }
}
