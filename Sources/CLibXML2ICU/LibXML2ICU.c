// Release builds link libxml2 statically (scripts/static-link/libxml2.so), so that a fresh
// `partnergraph` process does not load libxml2, the system's ICU and the shared C++ runtime.
// Debian's libxml2 converts the character encodings that neither it nor iconv knows through
// seven ICU functions. Foundation, linked statically too, already carries an ICU, which exports
// the same API with a `swift_` prefix: these definitions hand libxml2's calls to it, under the
// versioned names that libxml2 was built against (`ucnv_open_72`, which the system ICU header
// spells through its renaming macros).
//
// Debug builds link the shared libxml2 with the system ICU, and compile nothing here.

#if defined(PARTNERGRAPH_STATIC_LIBXML2)

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

extern UConverter *swift_ucnv_open(const char *converterName, UErrorCode *err);
extern void swift_ucnv_close(UConverter *converter);
extern void swift_ucnv_convertEx(
    UConverter *targetCnv, UConverter *sourceCnv, char **target, const char *targetLimit, const char **source,
    const char *sourceLimit, UChar *pivotStart, UChar **pivotSource, UChar **pivotTarget, const UChar *pivotLimit,
    UBool reset, UBool flush, UErrorCode *pErrorCode);
extern void swift_ucnv_setFromUCallBack(
    UConverter *converter, UConverterFromUCallback newAction, const void *newContext,
    UConverterFromUCallback *oldAction, const void **oldContext, UErrorCode *err);
extern void swift_ucnv_setToUCallBack(
    UConverter *converter, UConverterToUCallback newAction, const void *newContext, UConverterToUCallback *oldAction,
    const void **oldContext, UErrorCode *err);
extern void swift_UCNV_FROM_U_CALLBACK_STOP(
    const void *context, UConverterFromUnicodeArgs *fromUArgs, const UChar *codeUnits, int32_t length,
    UChar32 codePoint, UConverterCallbackReason reason, UErrorCode *err);
extern void swift_UCNV_TO_U_CALLBACK_STOP(
    const void *context, UConverterToUnicodeArgs *toUArgs, const char *codeUnits, int32_t length,
    UConverterCallbackReason reason, UErrorCode *err);

UConverter *ucnv_open(const char *converterName, UErrorCode *err) {
    return swift_ucnv_open(converterName, err);
}

void ucnv_close(UConverter *converter) {
    swift_ucnv_close(converter);
}

void ucnv_convertEx(
    UConverter *targetCnv, UConverter *sourceCnv, char **target, const char *targetLimit, const char **source,
    const char *sourceLimit, UChar *pivotStart, UChar **pivotSource, UChar **pivotTarget, const UChar *pivotLimit,
    UBool reset, UBool flush, UErrorCode *pErrorCode) {
    swift_ucnv_convertEx(
        targetCnv, sourceCnv, target, targetLimit, source, sourceLimit, pivotStart, pivotSource, pivotTarget,
        pivotLimit, reset, flush, pErrorCode);
}

void ucnv_setFromUCallBack(
    UConverter *converter, UConverterFromUCallback newAction, const void *newContext,
    UConverterFromUCallback *oldAction, const void **oldContext, UErrorCode *err) {
    swift_ucnv_setFromUCallBack(converter, newAction, newContext, oldAction, oldContext, err);
}

void ucnv_setToUCallBack(
    UConverter *converter, UConverterToUCallback newAction, const void *newContext, UConverterToUCallback *oldAction,
    const void **oldContext, UErrorCode *err) {
    swift_ucnv_setToUCallBack(converter, newAction, newContext, oldAction, oldContext, err);
}

void UCNV_FROM_U_CALLBACK_STOP(
    const void *context, UConverterFromUnicodeArgs *fromUArgs, const UChar *codeUnits, int32_t length,
    UChar32 codePoint, UConverterCallbackReason reason, UErrorCode *err) {
    swift_UCNV_FROM_U_CALLBACK_STOP(context, fromUArgs, codeUnits, length, codePoint, reason, err);
}

void UCNV_TO_U_CALLBACK_STOP(
    const void *context, UConverterToUnicodeArgs *toUArgs, const char *codeUnits, int32_t length,
    UConverterCallbackReason reason, UErrorCode *err) {
    swift_UCNV_TO_U_CALLBACK_STOP(context, toUArgs, codeUnits, length, reason, err);
}

#endif
