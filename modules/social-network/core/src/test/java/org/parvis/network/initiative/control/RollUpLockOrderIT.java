package org.parvis.network.initiative.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.network.NetworkFixture;
import org.parvis.network.ranking.control.Ledger;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.testing.ModuleDeployment;

/**
 * The roll-up and a member's request touching the same rows: the request updates the member's
 * account, then an initiative the roll-up also folds into (what publishing a counter-initiative
 * does). Locking in the opposite order, the two deadlocked and the member's request failed (a 500
 * on the counter-initiative, seen in CI).
 */
@ExtendWith(ArquillianExtension.class)
class RollUpLockOrderIT {

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of(
        "social-network-roll-up-locks", RollUpLockOrderIT.class, NetworkFixture.class);
  }

  @Inject NetworkDatabase database;
  @Inject Initiatives initiatives;
  @Inject Petitions petitions;
  @Inject Ledger ledger;
  @Inject UserTransaction transaction;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void aMembersRequestAndTheRollUpNeverDeadlock() throws Exception {
    String author = NetworkFixture.handle("author");
    String neighbour = NetworkFixture.handle("neighbour");
    transaction.begin();
    NetworkFixture.member(em, author);
    long neighbourId = NetworkFixture.member(em, neighbour);
    transaction.commit();
    long initiative =
        NetworkFixture.publish(initiatives, author, "Une initiative disputée " + author);
    while (petitions.rollUp() > 0) {
      // start from an empty ledger
    }
    // The neighbour comments: points for the initiative and for the neighbour, to be folded.
    transaction.begin();
    ledger.record(initiative, neighbourId, 2, neighbourId, 2);
    transaction.commit();

    ManagedExecutorService executor =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    var accountLocked = new CountDownLatch(1);
    var rollUpStarted = new CountDownLatch(1);
    var request =
        executor.submit(
            () -> {
              var tx = (UserTransaction) InitialContext.doLookup("java:comp/UserTransaction");
              tx.begin();
              var now = Instant.now().atOffset(ZoneOffset.UTC);
              em.createNativeQuery("UPDATE member_account SET last_published_at = ? WHERE id = ?")
                  .setParameter(1, now)
                  .setParameter(2, neighbourId)
                  .executeUpdate();
              accountLocked.countDown();
              rollUpStarted.await(10, TimeUnit.SECONDS);
              awaitASessionWaitingOnALock();
              em.createNativeQuery("UPDATE initiative SET last_activity_at = ? WHERE id = ?")
                  .setParameter(1, now)
                  .setParameter(2, initiative)
                  .executeUpdate();
              tx.commit();
              return null;
            });
    assertThat(accountLocked.await(10, TimeUnit.SECONDS)).isTrue();
    var rollUp =
        executor.submit(
            () -> {
              rollUpStarted.countDown();
              return petitions.rollUp();
            });

    request.get(30, TimeUnit.SECONDS);
    assertThat(rollUp.get(30, TimeUnit.SECONDS)).isPositive();
    Number points =
        (Number)
            em.createNativeQuery("SELECT points FROM initiative WHERE id = ?")
                .setParameter(1, initiative)
                .getSingleResult();
    assertThat(points.doubleValue()).as("the neighbour's points folded").isGreaterThan(0);
  }

  /**
   * Returns once H2 reports a session blocked by another (the roll-up waiting on the member's row),
   * checked every 20 ms; fails after 10 s.
   */
  private void awaitASessionWaitingOnALock() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                            + " WHERE BLOCKER_ID IS NOT NULL")
                    .getSingleResult())
            .intValue()
        == 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the roll-up never waited on the member's row");
      }
      Thread.sleep(20);
    }
  }
}
