package io.fetchbox.fetch;

/**
 * Another name for a download whose planned file name was taken while it downloaded (a person's
 * file appeared there, or fetchbox's own earlier file was changed): the next free number, decided
 * by the batch's name planner so that no other line of the batch gets it too.
 */
@FunctionalInterface
public interface Renumbering {

    /** The file, relative to the output folder, to try after {@code taken}. */
    String next(FetchTask task, String taken);
}
