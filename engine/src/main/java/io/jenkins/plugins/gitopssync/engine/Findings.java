package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.Outcomes;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sync or dry run records as it goes, for its result: every object's outcome, the waves and hooks as they
 * ran, the errors that belong to no single object, and the time spent per phase.
 */
record Findings(Outcomes outcomes, StepRecords steps, List<String> errors, PhaseTimer timer) {

    Findings() {
        this(new Outcomes(), new StepRecords(), new ArrayList<>(), new PhaseTimer());
    }
}
