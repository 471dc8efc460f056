package io.jenkins.plugins.gitopssync.engine.process;

/**
 * The external programs a render may run and how they are started.
 *
 * @param runner  starts them (the CLI's own process, or a Jenkins build's launcher)
 * @param kubectl the kubectl for {@code kubectl kustomize}: a path or a bare name looked up on the PATH; null for
 *                the default ({@value #KUBECTL_ENV} of the runner's environment, else {@code kubectl})
 * @param helm    the helm for charts, likewise ({@value #HELM_ENV}, else {@code helm})
 */
public record Tools(ProcessRunner runner, String kubectl, String helm) {

    public static final String KUBECTL_ENV = "GITOPS_KUBECTL";
    public static final String HELM_ENV = "GITOPS_HELM";

    public Tools {
        kubectl = blankToNull(kubectl);
        helm = blankToNull(helm);
    }

    /** This process's environment and the default programs. */
    public static Tools local() {
        return new Tools(LocalProcessRunner.ofThisProcess(), null, null);
    }

    /** The kubectl command to run. */
    public String kubectlCommand() {
        return choose(kubectl, KUBECTL_ENV, "kubectl");
    }

    /** The helm command to run. */
    public String helmCommand() {
        return choose(helm, HELM_ENV, "helm");
    }

    /** Whether the program was named by an option or the environment, rather than defaulted (for messages). */
    public boolean kubectlNamed() {
        return !kubectlCommand().equals("kubectl");
    }

    private String choose(String option, String env, String fallback) {
        if (option != null) {
            return option;
        }
        String fromEnv = blankToNull(runner.environment().get(env));
        return fromEnv != null ? fromEnv : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
