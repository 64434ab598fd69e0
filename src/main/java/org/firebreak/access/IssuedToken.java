package org.firebreak.access;

/** A token just issued: its value is shown this once and never stored (only its hash is). */
public record IssuedToken(String token, TokenView view) {
}
