package org.millrace.api.windowing;

import java.util.Collection;
import java.util.List;
import org.millrace.api.typeinfo.TypeInformation;

/** Every record of a key in one window, which fires only at the end of a bounded input. */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    private GlobalWindows() {}

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public TypeInformation<GlobalWindow> getWindowType() {
        return WindowTypes.GLOBAL_WINDOW;
    }
}
