package org.parvis.network.ranking.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.network.NetworkFixture;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Initiatives.Filter;
import org.parvis.network.initiative.control.Initiatives.Proposal;
import org.parvis.network.initiative.control.OfficialRouting;
import org.parvis.network.initiative.control.Petitions;
import org.parvis.network.initiative.control.Timeline;
import org.parvis.network.official.control.OfficialRegistry;
import org.parvis.network.ranking.control.Badges.Badge;
import org.parvis.network.ranking.control.Leaderboards.Period;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.testing.ModuleDeployment;

/**
 * Rankings, badges and leaderboards on Payara Micro and the network database, from fixed data:
 * twenty established members sign one initiative, three hundred accounts created today sign
 * another; an initiative of the whole département and a national one gather more.
 */
@ExtendWith(ArquillianExtension.class)
class RankingsIT {

  private static final String ADDRESS = "198.51.100.9";

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of("social-network-rankings", RankingsIT.class, NetworkFixture.class);
  }

  @Inject NetworkDatabase database;
  @Inject Initiatives initiatives;
  @Inject Petitions petitions;
  @Inject OfficialRouting routing;
  @Inject OfficialRegistry officials;
  @Inject Badges badges;
  @Inject Leaderboards leaderboards;
  @Inject Timeline timeline;
  @Inject TerritoryDirectory territories;
  @Inject RollingWindows windows;
  @Inject UserTransaction transaction;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void rankingsBadgesAndLeaderboardsFollowWhatMembersDid() throws Exception {
    String steady = NetworkFixture.handle("steady");
    String hyped = NetworkFixture.handle("hyped");
    String wide = NetworkFixture.handle("wide");
    String mayor = NetworkFixture.handle("mayor");
    var established = new ArrayList<String>();
    var newcomers = new ArrayList<String>();
    transaction.begin();
    for (String h : List.of(steady, hyped, wide, mayor)) {
      NetworkFixture.member(em, h);
    }
    NetworkFixture.secondFactorProved(em, mayor);
    for (int n = 0; n < 20; n++) {
      established.add(NetworkFixture.handle("old" + n));
      NetworkFixture.member(em, established.get(n));
      NetworkFixture.aged(em, established.get(n), Duration.ofDays(60));
    }
    for (int n = 0; n < 300; n++) {
      newcomers.add(NetworkFixture.handle("new" + n));
      NetworkFixture.member(em, newcomers.get(n));
    }
    transaction.commit();
    assertThat(
            officials.grant(
                "admin",
                mayor,
                "Maire",
                "COMMUNE",
                NetworkFixture.GUERET,
                LocalDate.now().plusYears(2)))
        .isEmpty();

    long steadyId = publish(steady, "COMMUNE", NetworkFixture.GUERET, null);
    long hypedId = publish(hyped, "COMMUNE", NetworkFixture.GUERET, 400);
    long departementId = publish(wide, "DEPARTEMENT", "23", null);
    long nationalId = publish(wide, "NATIONAL", null, null);
    for (String s : established) {
      assertThat(petitions.sign(s, steadyId)).isEmpty();
      assertThat(petitions.sign(s, departementId)).isEmpty();
      assertThat(petitions.sign(s, nationalId)).isEmpty();
    }
    for (String s : established.subList(0, 10)) {
      assertThat(petitions.join(s, departementId)).isEmpty();
      assertThat(petitions.join(s, nationalId)).isEmpty();
    }
    for (String s : newcomers) {
      assertThat(petitions.sign(s, hypedId)).isEmpty();
    }
    // Sign and withdraw in a loop: the ranking must not rise.
    for (int loop = 0; loop < 5; loop++) {
      assertThat(petitions.sign(established.get(0), hypedId)).isEmpty();
      assertThat(petitions.withdraw(established.get(0), hypedId)).isEmpty();
    }
    assertThat(routing.answer(mayor, steadyId, "Nous étudions la demande en conseil.", ADDRESS))
        .isEmpty();
    while (petitions.rollUp() > 0) {
      // fold everything
    }

    // Raw counts put the burst first; the hot and top rankings do not.
    assertThat(
            order(
                new Filter("COMMUNE", NetworkFixture.GUERET, null, null, "signed", null),
                steadyId,
                hypedId))
        .containsExactly(hypedId, steadyId);
    assertThat(
            order(
                new Filter("COMMUNE", NetworkFixture.GUERET, null, null, "hot", null),
                steadyId,
                hypedId))
        .containsExactly(steadyId, hypedId);
    for (String period : List.of("week", "month", "all")) {
      assertThat(
              order(
                  new Filter(
                      "COMMUNE", NetworkFixture.GUERET, null, null, "top", null, period, null),
                  steadyId,
                  hypedId))
          .as(period)
          .containsExactly(steadyId, hypedId);
    }
    // Over all initiatives, the département's (more points) outranks the commune's.
    assertThat(order(new Filter(null, null, null, null, "hot", null), steadyId, departementId))
        .containsExactly(departementId, steadyId);
    // Near a member of Guéret: the commune first, then the département, then the nation.
    assertThat(
            order(
                new Filter(null, null, null, null, "near", null, null, NetworkFixture.GUERET),
                nationalId,
                departementId,
                steadyId))
        .containsExactly(steadyId, departementId, nationalId);

    // Milestones go into the initiative's history (0 → 300 of 400 crosses 75 %), answers too.
    assertThat(timeline.latest(hypedId, 20))
        .extracting(Timeline.Event::kind)
        .contains(Timeline.Kind.PUBLISHED, Timeline.Kind.MILESTONE_75)
        .doesNotContain(Timeline.Kind.MILESTONE_100);
    assertThat(timeline.latest(steadyId, 20))
        .extracting(Timeline.Event::kind)
        .contains(Timeline.Kind.ANSWER);

    // Badges: from the data, idempotent, recomputable.
    while (badges.awardDue(200) > 0) {
      // award everyone credited
    }
    long hypedMember = id(hyped);
    assertThat(levels(hyped)).containsEntry(Badge.CREATOR, 1).containsEntry(Badge.GATHERER, 2);
    assertThat(levels(steady)).containsEntry(Badge.GATHERER, 1).containsEntry(Badge.HEARD, 1);
    assertThat(levels(mayor)).containsEntry(Badge.RESPONSIVE, 1).containsEntry(Badge.SWIFT, 1);
    var before = badges.held(hyped);
    badges.award(hypedMember);
    assertThat(badges.held(hyped)).isEqualTo(before);
    transaction.begin();
    em.createNativeQuery("DELETE FROM member_badge WHERE member_id = ?")
        .setParameter(1, hypedMember)
        .executeUpdate();
    transaction.commit();
    assertThat(badges.recomputeAll()).isPositive();
    while (badges.awardDue(500) > 0) {
      // recompute everyone
    }
    assertThat(badges.held(hyped))
        .extracting(Badges.Held::badge, Badges.Held::level)
        .isEqualTo(
            before.stream()
                .map(h -> org.assertj.core.groups.Tuple.tuple(h.badge(), h.level()))
                .toList());

    // Leaderboards: the established author ahead of the burst; opting out removes a member.
    var gueret = territories.resolve("COMMUNE", NetworkFixture.GUERET).orElseThrow();
    assertThat(handles(gueret, Period.WEEK)).containsSubsequence(steady, hyped);
    assertThat(leaderboards.setInRankings(steady, false, ADDRESS)).isEmpty();
    assertThat(leaderboards.inRankings(steady)).isFalse();
    assertThat(handles(gueret, Period.WEEK)).doesNotContain(steady).contains(hyped);
    assertThat(
            ((Number)
                    em.createNativeQuery(
                            "SELECT COUNT(*) FROM member_security_event e JOIN member_account m"
                                + " ON m.id = e.member_id WHERE m.handle = ?"
                                + " AND e.kind = 'RANKINGS_LEFT'")
                        .setParameter(1, steady)
                        .getSingleResult())
                .longValue())
        .isEqualTo(1);
    assertThat(leaderboards.setInRankings(steady, true, ADDRESS)).isEmpty();
    assertThat(handles(gueret, Period.ALL)).contains(steady);

    // Officials: the mayor answered one of the two Guéret initiatives routed to them.
    var mayorStanding =
        leaderboards.officials(gueret, Period.MONTH).stream()
            .filter(o -> o.handle().equals(mayor))
            .findFirst()
            .orElseThrow();
    assertThat(mayorStanding.routed()).isEqualTo(2);
    assertThat(mayorStanding.answered()).isEqualTo(1);
    assertThat(mayorStanding.percent()).isEqualTo(50);
    assertThat(mayorStanding.median()).isNotNull();
    assertThat(leaderboards.mostActive("week").members()).isNotEmpty();

    // The rolling windows: a week later the week's points are gone, the month's remain; a month
    // later both are gone; all-time points stay.
    var today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    assertThat(windowPoints(steadyId)).satisfies(p -> assertThat(p[0]).isGreaterThan(20));
    transaction.begin();
    windows.advance(today.plusDays(7));
    transaction.commit();
    assertThat(windowPoints(steadyId)[0])
        .isCloseTo(0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(windowPoints(steadyId)[1]).isGreaterThan(20);
    transaction.begin();
    windows.advance(today.plusDays(30));
    transaction.commit();
    assertThat(windowPoints(steadyId)[1])
        .isCloseTo(0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(windowPoints(steadyId)[2]).isGreaterThan(20);
    assertThat(handles(gueret, Period.WEEK)).doesNotContain(steady);
    assertThat(handles(gueret, Period.ALL)).contains(steady);
    transaction.begin();
    em.createNativeQuery("UPDATE ranking_window SET through_day = ?")
        .setParameter(1, today)
        .executeUpdate();
    transaction.commit();
  }

  /** An initiative's points of the week, of the month and of all time. */
  private double[] windowPoints(long initiative) {
    var row =
        (Object[])
            em.createNativeQuery(
                    "SELECT points_week, points_month, points FROM initiative WHERE id = ?")
                .setParameter(1, initiative)
                .getSingleResult();
    return new double[] {
      ((Number) row[0]).doubleValue(),
      ((Number) row[1]).doubleValue(),
      ((Number) row[2]).doubleValue()
    };
  }

  private long publish(String author, String kind, String code, Integer goal) {
    var outcome =
        initiatives.propose(
            author,
            new Proposal(
                "Une initiative classée " + author,
                "<p>Un texte assez long pour être publié sur le réseau citoyen.</p>",
                "TRANSPORT",
                kind,
                code,
                goal,
                null,
                null,
                null),
            true,
            ADDRESS);
    assertThat(outcome.problems()).isEmpty();
    return outcome.id();
  }

  /** The given initiatives in the order the list shows them (first five pages). */
  private List<Long> order(Filter filter, Long... ids) {
    var wanted = List.of(ids);
    var seen = new ArrayList<Long>();
    for (int page = 0; page < 5; page++) {
      var result = initiatives.list(filter, page);
      result.items().stream()
          .map(Initiatives.Summary::id)
          .filter(wanted::contains)
          .forEach(seen::add);
      if (!result.more()) {
        break;
      }
    }
    return seen;
  }

  private Map<Badge, Integer> levels(String handle) {
    var levels = new java.util.EnumMap<Badge, Integer>(Badge.class);
    badges.held(handle).forEach(h -> levels.put(h.badge(), h.level()));
    return levels;
  }

  private List<String> handles(
      org.parvis.network.territory.entity.Territory territory, Period period) {
    return leaderboards.members(territory, period).stream()
        .map(Leaderboards.MemberStanding::handle)
        .toList();
  }

  private long id(String handle) {
    return ((Number)
            em.createNativeQuery("SELECT id FROM member_account WHERE handle = ?")
                .setParameter(1, handle)
                .getSingleResult())
        .longValue();
  }
}
