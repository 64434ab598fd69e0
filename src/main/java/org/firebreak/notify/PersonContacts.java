package org.firebreak.notify;

import java.util.List;

/**
 * How to reach a person by name (the on-call module's contact methods). Notify asks it when a message is for a
 * person rather than a channel, such as the commander's status update reminder; with no such bean, or no contact
 * for the person, the message goes to the team channel addressed to them.
 */
public interface PersonContacts {

    List<Destination> contactsOf(String person);
}
