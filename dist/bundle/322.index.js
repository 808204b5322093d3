export const id = 322;
export const ids = [322];
export const modules = {

/***/ 11322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCloudFrontClient: () => (/* reexport safe */ _invalidate_js__WEBPACK_IMPORTED_MODULE_0__.AE),
/* harmony export */   invalidatePaths: () => (/* reexport safe */ _invalidate_js__WEBPACK_IMPORTED_MODULE_0__.OI)
/* harmony export */ });
/* harmony import */ var _invalidate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29417);
/** CloudFront invalidations within CloudFront's limits, shared by cdn-publish and the cloudfront router. */




/***/ })

};
