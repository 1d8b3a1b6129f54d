# cmake -DBINARY=<core test executable> -P CheckNoWidgets.cmake
# Fails when a core test executable depends on Qt Widgets or Qt Gui: cumulus_core must not.
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES "${BINARY}"
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved)
foreach(dependency IN LISTS resolved unresolved)
    if(dependency MATCHES "Qt6?(Widgets|Gui)")
        message(FATAL_ERROR "${BINARY} depends on ${dependency}: cumulus_core must not use Widgets")
    endif()
endforeach()
list(LENGTH resolved count)
message(STATUS "${BINARY}: ${count} libraries, none of them Qt Widgets or Qt Gui")
