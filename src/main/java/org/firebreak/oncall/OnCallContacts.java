package org.firebreak.oncall;

import java.util.List;

import org.firebreak.notify.Destination;
import org.firebreak.notify.PersonContacts;
import org.springframework.stereotype.Component;

/**
 * How notify reaches a person by name (a commander's status update reminder, an action item's owner): the contact
 * methods of the person in the on-call file. Someone not in it has none, and notify falls back to the team channel.
 */
@Component
class OnCallContacts implements PersonContacts {

    private final OnCallCatalog catalog;

    OnCallContacts(OnCallCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Destination> contactsOf(String person) {
        return catalog.person(person).map(Pager::destinations).orElse(List.of());
    }
}
