package com.cloudbees.jenkins.support.api;

import hudson.ExtensionPoint;
import hudson.security.Permission;
import java.util.Set;

/**
 * Stand-in for the part of support-core's API that workflow-cps compiles against (support-core is an
 * optional dependency of workflow-cps and not in the source snapshot). Only used at compile time:
 * without support-core installed, Jenkins skips the optional extensions that extend it.
 */
public abstract class Component implements ExtensionPoint {
    public abstract Set<Permission> getRequiredPermissions();

    public abstract String getDisplayName();

    public abstract void addContents(Container container);

    public ComponentCategory getCategory() {
        return ComponentCategory.MISC;
    }

    public enum ComponentCategory {
        AGENT, BUILDS, CONTROLLER, LOGS, MISC, PLATFORM
    }
}
