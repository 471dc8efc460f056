package com.cloudbees.jenkins.support.api;

import java.io.IOException;
import java.io.OutputStream;

/** Stand-in (compile time only), see {@link Component}. */
public abstract class Content {
    private final String name;

    protected Content(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public abstract void writeTo(OutputStream os) throws IOException;
}
