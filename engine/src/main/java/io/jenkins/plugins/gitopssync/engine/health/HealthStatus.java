package io.jenkins.plugins.gitopssync.engine.health;

/** kstatus-like result for one object: Current, InProgress (with why) or Failed (with why). */
public record HealthStatus(State state, String message) {

    public enum State { CURRENT, IN_PROGRESS, FAILED }

    public static HealthStatus current() {
        return new HealthStatus(State.CURRENT, "");
    }

    public static HealthStatus inProgress(String why) {
        return new HealthStatus(State.IN_PROGRESS, why);
    }

    public static HealthStatus failed(String why) {
        return new HealthStatus(State.FAILED, why);
    }

    /** "Current", "InProgress: 0 of 2 replicas available", "Failed: ..." as ObjectResult.health shows it. */
    public String display() {
        return switch (state) {
            case CURRENT -> "Current";
            case IN_PROGRESS -> "InProgress: " + message;
            case FAILED -> "Failed: " + message;
        };
    }
}
