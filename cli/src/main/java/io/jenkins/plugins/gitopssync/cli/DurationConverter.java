package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.options.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A limit on the command line, in the engine's one duration grammar ({@link Durations}). */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            // never blank here: picocli passes the default ("5m") when the option is absent
            return Durations.parseLimit(value, null);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
