/**
 * Who may do what: console accounts with roles (viewer, responder, commander, admin) and hashed passwords, API
 * tokens for the command line and integrations, sign-in and sign-out, CSRF protection on the console's forms, and
 * the rules that map each endpoint to the role it needs. The public status page, acknowledgement links, the health
 * probe and the integrations' own signed endpoints stay public.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = "shared")
@NullMarked
package org.firebreak.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
