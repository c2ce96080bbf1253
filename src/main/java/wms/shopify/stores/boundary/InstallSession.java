package wms.shopify.stores.boundary;

import jakarta.servlet.http.HttpSession;
import wms.shopify.stores.control.InstallStates;

/** Where the installs a browser started are kept: in its (admin's) session, so a state is bound to that browser. */
final class InstallSession {

    private static final String ATTRIBUTE = InstallStates.class.getName();

    private InstallSession() {}

    static InstallStates of(HttpSession session) {
        synchronized (session) {
            InstallStates states = (InstallStates) session.getAttribute(ATTRIBUTE);
            if (states == null) {
                states = new InstallStates();
                session.setAttribute(ATTRIBUTE, states);
            }
            return states;
        }
    }
}
