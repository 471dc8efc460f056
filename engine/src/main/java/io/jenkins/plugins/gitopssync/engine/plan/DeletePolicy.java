package io.jenkins.plugins.gitopssync.engine.plan;

/**
 * When a hook's object is deleted: before the hook is created again (the earlier run's object; the default
 * in both vocabularies when none is given), after it succeeded, after it failed.
 */
public enum DeletePolicy {
    BEFORE_HOOK_CREATION("BeforeHookCreation", "before-hook-creation"),
    HOOK_SUCCEEDED("HookSucceeded", "hook-succeeded"),
    HOOK_FAILED("HookFailed", "hook-failed");

    private final String argoWord;
    private final String helmWord;

    DeletePolicy(String argoWord, String helmWord) {
        this.argoWord = argoWord;
        this.helmWord = helmWord;
    }

    public String word() {
        return argoWord;
    }

    static DeletePolicy ofArgo(String word) {
        for (DeletePolicy p : values()) {
            if (p.argoWord.equals(word)) {
                return p;
            }
        }
        return null;
    }

    static DeletePolicy ofHelm(String word) {
        for (DeletePolicy p : values()) {
            if (p.helmWord.equals(word)) {
                return p;
            }
        }
        return null;
    }
}
