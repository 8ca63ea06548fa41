package org.parvis.network.planted.voters.control;

import org.parvis.network.planted.ballots.control.BallotBox;

/** Planted violation: the other half of a cycle between two features' controls. */
public class VotersRoll {

  /** Whether the voter may vote. */
  public boolean contains(String voter) {
    return voter != null && !voter.isBlank();
  }

  /** Votes through the box: the dependency back that closes the cycle. */
  public boolean vote(BallotBox box, String voter) {
    return box.cast(this, voter);
  }
}
