package org.parvis.network.planted.ballots.control;

import org.parvis.network.planted.voters.control.VotersRoll;

/** Planted violation: a control that needs another feature's control, which needs it back. */
public class BallotBox {

  /** Counts a ballot once its voter is on the roll. */
  public boolean cast(VotersRoll roll, String voter) {
    return roll.contains(voter);
  }
}
