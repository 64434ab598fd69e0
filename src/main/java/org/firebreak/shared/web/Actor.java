package org.firebreak.shared.web;

/**
 * Who is making an API request, for the timeline. Until sign-in lands it is the {@value #HEADER} header
 * (the CLI sends the user's name), or {@value #ANONYMOUS} when absent.
 */
public record Actor(String name) {

    public static final String HEADER = "X-Firebreak-Actor";
    public static final String ANONYMOUS = "anonymous";
}
