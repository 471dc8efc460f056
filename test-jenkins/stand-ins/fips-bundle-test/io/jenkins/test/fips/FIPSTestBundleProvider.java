package io.jenkins.test.fips;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Stand-in for io.jenkins.test.fips:fips-bundle-test, which is not in the source snapshot. The test
 * harness compiles against this one interface and uses it only when a test runs in FIPS mode, which
 * this project's tests never do.
 */
public interface FIPSTestBundleProvider {
    List<File> getBootClasspathFiles() throws IOException;

    List<String> getJavaOptions() throws IOException;

    static FIPSTestBundleProvider get() {
        throw new UnsupportedOperationException("FIPS test bundles are not available in a Jenkins built from source");
    }
}
