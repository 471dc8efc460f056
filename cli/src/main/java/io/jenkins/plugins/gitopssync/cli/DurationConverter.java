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
            Duration limit = Durations.parseLimit(value, null);
            if (limit == null) {
                throw new IllegalArgumentException("an empty duration: give one such as 90s or 5m");
            }
            return limit;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
