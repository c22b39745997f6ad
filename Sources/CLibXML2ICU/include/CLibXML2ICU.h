// This target has no API: it only defines, in release builds, the ICU converter functions that a
// statically linked libxml2 calls. See LibXML2ICU.c.
