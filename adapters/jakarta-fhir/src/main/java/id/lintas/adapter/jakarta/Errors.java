package id.lintas.adapter.jakarta;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.util.ArrayList;
import java.util.List;

/** Collects field errors so a message is refused with all of them at once. Not thread-safe: one per call. */
final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String reason) {
        FieldError error = new FieldError(field, reason);
        if (!errors.contains(error)) {
            errors.add(error);
        }
    }

    void addAll(TranslationException e) {
        e.errors().forEach(error -> add(error.field(), error.reason()));
    }

    /** Runs a translation step; its errors are collected and null is returned instead. */
    <T> T collect(Step<T> step) {
        try {
            return step.run();
        } catch (TranslationException e) {
            addAll(e);
            return null;
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() throws TranslationException {
        if (!errors.isEmpty()) {
            throw new TranslationException(errors);
        }
    }

    @FunctionalInterface
    interface Step<T> {
        T run() throws TranslationException;
    }
}
