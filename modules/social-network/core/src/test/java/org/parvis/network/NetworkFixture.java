package org.parvis.network;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Members written straight into the network database for tests that need many of them (the password
 * hash is a placeholder: these accounts never sign in). Call within a transaction.
 */
public final class NetworkFixture {

  /** Guéret, in the Creuse (23), Nouvelle-Aquitaine (75). */
  public static final String GUERET = "23096";

  private NetworkFixture() {}

  /** A unique handle with the given prefix. */
  public static String handle(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A confirmed member living in Guéret; returns their id. */
  public static long member(EntityManager em, String handle) {
    return member(em, handle, GUERET);
  }

  public static long member(EntityManager em, String handle, String commune) {
    long id =
        ((Number)
                em.createNativeQuery("SELECT NEXT VALUE FOR member_account_id_seq")
                    .getSingleResult())
            .longValue();
    var now = Instant.now().atOffset(ZoneOffset.UTC);
    em.createNativeQuery(
            "INSERT INTO member_account (id, handle, display_name, email, password_hash,"
                + " commune_code, language, created_at, email_confirmed_at,"
                + " publications_since_wake, totp_last_step, notification_frequency)"
                + " VALUES (?, ?, ?, ?, 'fixture', ?, 'fr', ?, ?, 0, 0, 'IMMEDIATE')")
        .setParameter(1, id)
        .setParameter(2, handle)
        .setParameter(3, "Membre " + handle)
        .setParameter(4, handle + "@example.org")
        .setParameter(5, commune)
        .setParameter(6, now)
        .setParameter(7, now)
        .executeUpdate();
    return id;
  }

  /** Makes the member's account as old as {@code age}: established members weigh fully. */
  public static void aged(EntityManager em, String handle, java.time.Duration age) {
    em.createNativeQuery("UPDATE member_account SET created_at = ? WHERE handle = ?")
        .setParameter(1, Instant.now().minus(age).atOffset(ZoneOffset.UTC))
        .setParameter(2, handle)
        .executeUpdate();
  }

  /** Gives the member a second factor proved just now, as an official signed in with it. */
  public static void secondFactorProved(EntityManager em, String handle) {
    em.createNativeQuery(
            "UPDATE member_account SET totp_secret = 'fixture', last_second_factor_at = ?"
                + " WHERE handle = ?")
        .setParameter(1, Instant.now().atOffset(ZoneOffset.UTC))
        .setParameter(2, handle)
        .executeUpdate();
  }

  /** Publishes an initiative in Guéret for the author; returns its id. */
  public static long publish(
      org.parvis.network.initiative.control.Initiatives initiatives, String author, String title) {
    var outcome =
        initiatives.propose(
            author,
            new org.parvis.network.initiative.control.Initiatives.Proposal(
                title,
                "<p>Un texte assez long pour être publié sur le réseau citoyen.</p>",
                "TRANSPORT",
                "COMMUNE",
                GUERET,
                null,
                null,
                null,
                null),
            true,
            "198.51.100.14");
    if (!outcome.problems().isEmpty()) {
      throw new IllegalStateException("not published: " + outcome.problems());
    }
    return outcome.id();
  }
}
