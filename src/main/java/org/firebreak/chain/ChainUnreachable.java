package org.firebreak.chain;

/** No RPC endpoint of the profile answered. */
class ChainUnreachable extends Exception {

    ChainUnreachable(String message) {
        super(message);
    }
}
