package com.cloudbees.jenkins.support.api;

/** Stand-in (compile time only), see {@link Component}. */
public abstract class Container {
    public abstract void add(Content content);
}
