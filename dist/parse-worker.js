/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 807:
/***/ ((module, exports, __nccwpck_require__) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports", "./format", "./parser"], factory);
    }
})(function () {
    /*---------------------------------------------------------------------------------------------
     *  Copyright (c) Microsoft Corporation. All rights reserved.
     *  Licensed under the MIT License. See License.txt in the project root for license information.
     *--------------------------------------------------------------------------------------------*/
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.isWS = exports.applyEdit = exports.setProperty = exports.removeProperty = void 0;
    const format_1 = __nccwpck_require__(612);
    const parser_1 = __nccwpck_require__(152);
    function removeProperty(text, path, options) {
        return setProperty(text, path, void 0, options);
    }
    exports.removeProperty = removeProperty;
    function setProperty(text, originalPath, value, options) {
        const path = originalPath.slice();
        const errors = [];
        const root = (0, parser_1.parseTree)(text, errors);
        let parent = void 0;
        let lastSegment = void 0;
        while (path.length > 0) {
            lastSegment = path.pop();
            parent = (0, parser_1.findNodeAtLocation)(root, path);
            if (parent === void 0 && value !== void 0) {
                if (typeof lastSegment === 'string') {
                    value = { [lastSegment]: value };
                }
                else {
                    value = [value];
                }
            }
            else {
                break;
            }
        }
        if (!parent) {
            // empty document
            if (value === void 0) { // delete
                throw new Error('Can not delete in empty document');
            }
            return withFormatting(text, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
        }
        else if (parent.type === 'object' && typeof lastSegment === 'string' && Array.isArray(parent.children)) {
            const existing = (0, parser_1.findNodeAtLocation)(parent, [lastSegment]);
            if (existing !== void 0) {
                if (value === void 0) { // delete
                    if (!existing.parent) {
                        throw new Error('Malformed AST');
                    }
                    const propertyIndex = parent.children.indexOf(existing.parent);
                    let removeBegin;
                    let removeEnd = existing.parent.offset + existing.parent.length;
                    if (propertyIndex > 0) {
                        // remove the comma of the previous node
                        let previous = parent.children[propertyIndex - 1];
                        removeBegin = previous.offset + previous.length;
                    }
                    else {
                        removeBegin = parent.offset + 1;
                        if (parent.children.length > 1) {
                            // remove the comma of the next node
                            let next = parent.children[1];
                            removeEnd = next.offset;
                        }
                    }
                    return withFormatting(text, { offset: removeBegin, length: removeEnd - removeBegin, content: '' }, options);
                }
                else {
                    // set value of existing property
                    return withFormatting(text, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
                }
            }
            else {
                if (value === void 0) { // delete
                    return []; // property does not exist, nothing to do
                }
                const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
                const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map(p => p.children[0].value)) : parent.children.length;
                let edit;
                if (index > 0) {
                    let previous = parent.children[index - 1];
                    edit = { offset: previous.offset + previous.length, length: 0, content: ',' + newProperty };
                }
                else if (parent.children.length === 0) {
                    edit = { offset: parent.offset + 1, length: 0, content: newProperty };
                }
                else {
                    edit = { offset: parent.offset + 1, length: 0, content: newProperty + ',' };
                }
                return withFormatting(text, edit, options);
            }
        }
        else if (parent.type === 'array' && typeof lastSegment === 'number' && Array.isArray(parent.children)) {
            const insertIndex = lastSegment;
            if (insertIndex === -1) {
                // Insert
                const newProperty = `${JSON.stringify(value)}`;
                let edit;
                if (parent.children.length === 0) {
                    edit = { offset: parent.offset + 1, length: 0, content: newProperty };
                }
                else {
                    const previous = parent.children[parent.children.length - 1];
                    edit = { offset: previous.offset + previous.length, length: 0, content: ',' + newProperty };
                }
                return withFormatting(text, edit, options);
            }
            else if (value === void 0 && parent.children.length >= 0) {
                // Removal
                const removalIndex = lastSegment;
                const toRemove = parent.children[removalIndex];
                let edit;
                if (parent.children.length === 1) {
                    // only item
                    edit = { offset: parent.offset + 1, length: parent.length - 2, content: '' };
                }
                else if (parent.children.length - 1 === removalIndex) {
                    // last item
                    let previous = parent.children[removalIndex - 1];
                    let offset = previous.offset + previous.length;
                    let parentEndOffset = parent.offset + parent.length;
                    edit = { offset, length: parentEndOffset - 2 - offset, content: '' };
                }
                else {
                    edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: '' };
                }
                return withFormatting(text, edit, options);
            }
            else if (value !== void 0) {
                let edit;
                const newProperty = `${JSON.stringify(value)}`;
                if (!options.isArrayInsertion && parent.children.length > lastSegment) {
                    const toModify = parent.children[lastSegment];
                    edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
                }
                else if (parent.children.length === 0 || lastSegment === 0) {
                    edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + ',' };
                }
                else {
                    const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
                    const previous = parent.children[index - 1];
                    edit = { offset: previous.offset + previous.length, length: 0, content: ',' + newProperty };
                }
                return withFormatting(text, edit, options);
            }
            else {
                throw new Error(`Can not ${value === void 0 ? 'remove' : (options.isArrayInsertion ? 'insert' : 'modify')} Array index ${insertIndex} as length is not sufficient`);
            }
        }
        else {
            throw new Error(`Can not add ${typeof lastSegment !== 'number' ? 'index' : 'property'} to parent of type ${parent.type}`);
        }
    }
    exports.setProperty = setProperty;
    function withFormatting(text, edit, options) {
        if (!options.formattingOptions) {
            return [edit];
        }
        // apply the edit
        let newText = applyEdit(text, edit);
        // format the new text
        let begin = edit.offset;
        let end = edit.offset + edit.content.length;
        if (edit.length === 0 || edit.content.length === 0) { // insert or remove
            while (begin > 0 && !(0, format_1.isEOL)(newText, begin - 1)) {
                begin--;
            }
            while (end < newText.length && !(0, format_1.isEOL)(newText, end)) {
                end++;
            }
        }
        const edits = (0, format_1.format)(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
        // apply the formatting edits and track the begin and end offsets of the changes
        for (let i = edits.length - 1; i >= 0; i--) {
            const edit = edits[i];
            newText = applyEdit(newText, edit);
            begin = Math.min(begin, edit.offset);
            end = Math.max(end, edit.offset + edit.length);
            end += edit.content.length - edit.length;
        }
        // create a single edit with all changes
        const editLength = text.length - (newText.length - end) - begin;
        return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
    }
    function applyEdit(text, edit) {
        return text.substring(0, edit.offset) + edit.content + text.substring(edit.offset + edit.length);
    }
    exports.applyEdit = applyEdit;
    function isWS(text, offset) {
        return '\r\n \t'.indexOf(text.charAt(offset)) !== -1;
    }
    exports.isWS = isWS;
});


/***/ }),

/***/ 612:
/***/ ((module, exports, __nccwpck_require__) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports", "./scanner", "./string-intern"], factory);
    }
})(function () {
    /*---------------------------------------------------------------------------------------------
     *  Copyright (c) Microsoft Corporation. All rights reserved.
     *  Licensed under the MIT License. See License.txt in the project root for license information.
     *--------------------------------------------------------------------------------------------*/
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.isEOL = exports.format = void 0;
    const scanner_1 = __nccwpck_require__(525);
    const string_intern_1 = __nccwpck_require__(579);
    function format(documentText, range, options) {
        let initialIndentLevel;
        let formatText;
        let formatTextStart;
        let rangeStart;
        let rangeEnd;
        if (range) {
            rangeStart = range.offset;
            rangeEnd = rangeStart + range.length;
            formatTextStart = rangeStart;
            while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
                formatTextStart--;
            }
            let endOffset = rangeEnd;
            while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
                endOffset++;
            }
            formatText = documentText.substring(formatTextStart, endOffset);
            initialIndentLevel = computeIndentLevel(formatText, options);
        }
        else {
            formatText = documentText;
            initialIndentLevel = 0;
            formatTextStart = 0;
            rangeStart = 0;
            rangeEnd = documentText.length;
        }
        const eol = getEOL(options, documentText);
        const eolFastPathSupported = string_intern_1.supportedEols.includes(eol);
        let numberLineBreaks = 0;
        let indentLevel = 0;
        let indentValue;
        if (options.insertSpaces) {
            indentValue = string_intern_1.cachedSpaces[options.tabSize || 4] ?? repeat(string_intern_1.cachedSpaces[1], options.tabSize || 4);
        }
        else {
            indentValue = '\t';
        }
        const indentType = indentValue === '\t' ? '\t' : ' ';
        let scanner = (0, scanner_1.createScanner)(formatText, false);
        let hasError = false;
        function newLinesAndIndent() {
            if (numberLineBreaks > 1) {
                return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
            }
            const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
            if (!eolFastPathSupported || amountOfSpaces > string_intern_1.cachedBreakLinesWithSpaces[indentType][eol].length) {
                return eol + repeat(indentValue, initialIndentLevel + indentLevel);
            }
            if (amountOfSpaces <= 0) {
                return eol;
            }
            return string_intern_1.cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
        }
        function scanNext() {
            let token = scanner.scan();
            numberLineBreaks = 0;
            while (token === 15 /* SyntaxKind.Trivia */ || token === 14 /* SyntaxKind.LineBreakTrivia */) {
                if (token === 14 /* SyntaxKind.LineBreakTrivia */ && options.keepLines) {
                    numberLineBreaks += 1;
                }
                else if (token === 14 /* SyntaxKind.LineBreakTrivia */) {
                    numberLineBreaks = 1;
                }
                token = scanner.scan();
            }
            hasError = token === 16 /* SyntaxKind.Unknown */ || scanner.getTokenError() !== 0 /* ScanError.None */;
            return token;
        }
        const editOperations = [];
        function addEdit(text, startOffset, endOffset) {
            if (!hasError && (!range || (startOffset < rangeEnd && endOffset > rangeStart)) && documentText.substring(startOffset, endOffset) !== text) {
                editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text });
            }
        }
        let firstToken = scanNext();
        if (options.keepLines && numberLineBreaks > 0) {
            addEdit(repeat(eol, numberLineBreaks), 0, 0);
        }
        if (firstToken !== 17 /* SyntaxKind.EOF */) {
            let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
            let initialIndent = (indentValue.length * initialIndentLevel < 20) && options.insertSpaces
                ? string_intern_1.cachedSpaces[indentValue.length * initialIndentLevel]
                : repeat(indentValue, initialIndentLevel);
            addEdit(initialIndent, formatTextStart, firstTokenStart);
        }
        while (firstToken !== 17 /* SyntaxKind.EOF */) {
            let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
            let secondToken = scanNext();
            let replaceContent = '';
            let needsLineBreak = false;
            while (numberLineBreaks === 0 && (secondToken === 12 /* SyntaxKind.LineCommentTrivia */ || secondToken === 13 /* SyntaxKind.BlockCommentTrivia */)) {
                let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
                addEdit(string_intern_1.cachedSpaces[1], firstTokenEnd, commentTokenStart);
                firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
                needsLineBreak = secondToken === 12 /* SyntaxKind.LineCommentTrivia */;
                replaceContent = needsLineBreak ? newLinesAndIndent() : '';
                secondToken = scanNext();
            }
            if (secondToken === 2 /* SyntaxKind.CloseBraceToken */) {
                if (firstToken !== 1 /* SyntaxKind.OpenBraceToken */) {
                    indentLevel--;
                }
                ;
                if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1 /* SyntaxKind.OpenBraceToken */) {
                    replaceContent = newLinesAndIndent();
                }
                else if (options.keepLines) {
                    replaceContent = string_intern_1.cachedSpaces[1];
                }
            }
            else if (secondToken === 4 /* SyntaxKind.CloseBracketToken */) {
                if (firstToken !== 3 /* SyntaxKind.OpenBracketToken */) {
                    indentLevel--;
                }
                ;
                if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3 /* SyntaxKind.OpenBracketToken */) {
                    replaceContent = newLinesAndIndent();
                }
                else if (options.keepLines) {
                    replaceContent = string_intern_1.cachedSpaces[1];
                }
            }
            else {
                switch (firstToken) {
                    case 3 /* SyntaxKind.OpenBracketToken */:
                    case 1 /* SyntaxKind.OpenBraceToken */:
                        indentLevel++;
                        if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
                            replaceContent = newLinesAndIndent();
                        }
                        else {
                            replaceContent = string_intern_1.cachedSpaces[1];
                        }
                        break;
                    case 5 /* SyntaxKind.CommaToken */:
                        if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
                            replaceContent = newLinesAndIndent();
                        }
                        else {
                            replaceContent = string_intern_1.cachedSpaces[1];
                        }
                        break;
                    case 12 /* SyntaxKind.LineCommentTrivia */:
                        replaceContent = newLinesAndIndent();
                        break;
                    case 13 /* SyntaxKind.BlockCommentTrivia */:
                        if (numberLineBreaks > 0) {
                            replaceContent = newLinesAndIndent();
                        }
                        else if (!needsLineBreak) {
                            replaceContent = string_intern_1.cachedSpaces[1];
                        }
                        break;
                    case 6 /* SyntaxKind.ColonToken */:
                        if (options.keepLines && numberLineBreaks > 0) {
                            replaceContent = newLinesAndIndent();
                        }
                        else if (!needsLineBreak) {
                            replaceContent = string_intern_1.cachedSpaces[1];
                        }
                        break;
                    case 10 /* SyntaxKind.StringLiteral */:
                        if (options.keepLines && numberLineBreaks > 0) {
                            replaceContent = newLinesAndIndent();
                        }
                        else if (secondToken === 6 /* SyntaxKind.ColonToken */ && !needsLineBreak) {
                            replaceContent = '';
                        }
                        break;
                    case 7 /* SyntaxKind.NullKeyword */:
                    case 8 /* SyntaxKind.TrueKeyword */:
                    case 9 /* SyntaxKind.FalseKeyword */:
                    case 11 /* SyntaxKind.NumericLiteral */:
                    case 2 /* SyntaxKind.CloseBraceToken */:
                    case 4 /* SyntaxKind.CloseBracketToken */:
                        if (options.keepLines && numberLineBreaks > 0) {
                            replaceContent = newLinesAndIndent();
                        }
                        else {
                            if ((secondToken === 12 /* SyntaxKind.LineCommentTrivia */ || secondToken === 13 /* SyntaxKind.BlockCommentTrivia */) && !needsLineBreak) {
                                replaceContent = string_intern_1.cachedSpaces[1];
                            }
                            else if (secondToken !== 5 /* SyntaxKind.CommaToken */ && secondToken !== 17 /* SyntaxKind.EOF */) {
                                hasError = true;
                            }
                        }
                        break;
                    case 16 /* SyntaxKind.Unknown */:
                        hasError = true;
                        break;
                }
                if (numberLineBreaks > 0 && (secondToken === 12 /* SyntaxKind.LineCommentTrivia */ || secondToken === 13 /* SyntaxKind.BlockCommentTrivia */)) {
                    replaceContent = newLinesAndIndent();
                }
            }
            if (secondToken === 17 /* SyntaxKind.EOF */) {
                if (options.keepLines && numberLineBreaks > 0) {
                    replaceContent = newLinesAndIndent();
                }
                else {
                    replaceContent = options.insertFinalNewline ? eol : '';
                }
            }
            const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
            addEdit(replaceContent, firstTokenEnd, secondTokenStart);
            firstToken = secondToken;
        }
        return editOperations;
    }
    exports.format = format;
    function repeat(s, count) {
        let result = '';
        for (let i = 0; i < count; i++) {
            result += s;
        }
        return result;
    }
    function computeIndentLevel(content, options) {
        let i = 0;
        let nChars = 0;
        const tabSize = options.tabSize || 4;
        while (i < content.length) {
            let ch = content.charAt(i);
            if (ch === string_intern_1.cachedSpaces[1]) {
                nChars++;
            }
            else if (ch === '\t') {
                nChars += tabSize;
            }
            else {
                break;
            }
            i++;
        }
        return Math.floor(nChars / tabSize);
    }
    function getEOL(options, text) {
        for (let i = 0; i < text.length; i++) {
            const ch = text.charAt(i);
            if (ch === '\r') {
                if (i + 1 < text.length && text.charAt(i + 1) === '\n') {
                    return '\r\n';
                }
                return '\r';
            }
            else if (ch === '\n') {
                return '\n';
            }
        }
        return (options && options.eol) || '\n';
    }
    function isEOL(text, offset) {
        return '\r\n'.indexOf(text.charAt(offset)) !== -1;
    }
    exports.isEOL = isEOL;
});


/***/ }),

/***/ 152:
/***/ ((module, exports, __nccwpck_require__) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports", "./scanner"], factory);
    }
})(function () {
    /*---------------------------------------------------------------------------------------------
     *  Copyright (c) Microsoft Corporation. All rights reserved.
     *  Licensed under the MIT License. See License.txt in the project root for license information.
     *--------------------------------------------------------------------------------------------*/
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.getNodeType = exports.stripComments = exports.visit = exports.findNodeAtOffset = exports.contains = exports.getNodeValue = exports.getNodePath = exports.findNodeAtLocation = exports.parseTree = exports.parse = exports.getLocation = void 0;
    const scanner_1 = __nccwpck_require__(525);
    var ParseOptions;
    (function (ParseOptions) {
        ParseOptions.DEFAULT = {
            allowTrailingComma: false
        };
    })(ParseOptions || (ParseOptions = {}));
    /**
     * For a given offset, evaluate the location in the JSON document. Each segment in the location path is either a property name or an array index.
     */
    function getLocation(text, position) {
        const segments = []; // strings or numbers
        const earlyReturnException = new Object();
        let previousNode = undefined;
        const previousNodeInst = {
            value: {},
            offset: 0,
            length: 0,
            type: 'object',
            parent: undefined
        };
        let isAtPropertyKey = false;
        function setPreviousNode(value, offset, length, type) {
            previousNodeInst.value = value;
            previousNodeInst.offset = offset;
            previousNodeInst.length = length;
            previousNodeInst.type = type;
            previousNodeInst.colonOffset = undefined;
            previousNode = previousNodeInst;
        }
        try {
            visit(text, {
                onObjectBegin: (offset, length) => {
                    if (position <= offset) {
                        throw earlyReturnException;
                    }
                    previousNode = undefined;
                    isAtPropertyKey = position > offset;
                    segments.push(''); // push a placeholder (will be replaced)
                },
                onObjectProperty: (name, offset, length) => {
                    if (position < offset) {
                        throw earlyReturnException;
                    }
                    setPreviousNode(name, offset, length, 'property');
                    segments[segments.length - 1] = name;
                    if (position <= offset + length) {
                        throw earlyReturnException;
                    }
                },
                onObjectEnd: (offset, length) => {
                    if (position <= offset) {
                        throw earlyReturnException;
                    }
                    previousNode = undefined;
                    segments.pop();
                },
                onArrayBegin: (offset, length) => {
                    if (position <= offset) {
                        throw earlyReturnException;
                    }
                    previousNode = undefined;
                    segments.push(0);
                },
                onArrayEnd: (offset, length) => {
                    if (position <= offset) {
                        throw earlyReturnException;
                    }
                    previousNode = undefined;
                    segments.pop();
                },
                onLiteralValue: (value, offset, length) => {
                    if (position < offset) {
                        throw earlyReturnException;
                    }
                    setPreviousNode(value, offset, length, getNodeType(value));
                    if (position <= offset + length) {
                        throw earlyReturnException;
                    }
                },
                onSeparator: (sep, offset, length) => {
                    if (position <= offset) {
                        throw earlyReturnException;
                    }
                    if (sep === ':' && previousNode && previousNode.type === 'property') {
                        previousNode.colonOffset = offset;
                        isAtPropertyKey = false;
                        previousNode = undefined;
                    }
                    else if (sep === ',') {
                        const last = segments[segments.length - 1];
                        if (typeof last === 'number') {
                            segments[segments.length - 1] = last + 1;
                        }
                        else {
                            isAtPropertyKey = true;
                            segments[segments.length - 1] = '';
                        }
                        previousNode = undefined;
                    }
                }
            });
        }
        catch (e) {
            if (e !== earlyReturnException) {
                throw e;
            }
        }
        return {
            path: segments,
            previousNode,
            isAtPropertyKey,
            matches: (pattern) => {
                let k = 0;
                for (let i = 0; k < pattern.length && i < segments.length; i++) {
                    if (pattern[k] === segments[i] || pattern[k] === '*') {
                        k++;
                    }
                    else if (pattern[k] !== '**') {
                        return false;
                    }
                }
                return k === pattern.length;
            }
        };
    }
    exports.getLocation = getLocation;
    /**
     * Parses the given text and returns the object the JSON content represents. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
     * Therefore always check the errors list to find out if the input was valid.
     */
    function parse(text, errors = [], options = ParseOptions.DEFAULT) {
        let currentProperty = null;
        let currentParent = [];
        const previousParents = [];
        function onValue(value) {
            if (Array.isArray(currentParent)) {
                currentParent.push(value);
            }
            else if (currentProperty !== null) {
                currentParent[currentProperty] = value;
            }
        }
        const visitor = {
            onObjectBegin: () => {
                const object = {};
                onValue(object);
                previousParents.push(currentParent);
                currentParent = object;
                currentProperty = null;
            },
            onObjectProperty: (name) => {
                currentProperty = name;
            },
            onObjectEnd: () => {
                currentParent = previousParents.pop();
            },
            onArrayBegin: () => {
                const array = [];
                onValue(array);
                previousParents.push(currentParent);
                currentParent = array;
                currentProperty = null;
            },
            onArrayEnd: () => {
                currentParent = previousParents.pop();
            },
            onLiteralValue: onValue,
            onError: (error, offset, length) => {
                errors.push({ error, offset, length });
            }
        };
        visit(text, visitor, options);
        return currentParent[0];
    }
    exports.parse = parse;
    /**
     * Parses the given text and returns a tree representation the JSON content. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
     */
    function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
        let currentParent = { type: 'array', offset: -1, length: -1, children: [], parent: undefined }; // artificial root
        function ensurePropertyComplete(endOffset) {
            if (currentParent.type === 'property') {
                currentParent.length = endOffset - currentParent.offset;
                currentParent = currentParent.parent;
            }
        }
        function onValue(valueNode) {
            currentParent.children.push(valueNode);
            return valueNode;
        }
        const visitor = {
            onObjectBegin: (offset) => {
                currentParent = onValue({ type: 'object', offset, length: -1, parent: currentParent, children: [] });
            },
            onObjectProperty: (name, offset, length) => {
                currentParent = onValue({ type: 'property', offset, length: -1, parent: currentParent, children: [] });
                currentParent.children.push({ type: 'string', value: name, offset, length, parent: currentParent });
            },
            onObjectEnd: (offset, length) => {
                ensurePropertyComplete(offset + length); // in case of a missing value for a property: make sure property is complete
                currentParent.length = offset + length - currentParent.offset;
                currentParent = currentParent.parent;
                ensurePropertyComplete(offset + length);
            },
            onArrayBegin: (offset, length) => {
                currentParent = onValue({ type: 'array', offset, length: -1, parent: currentParent, children: [] });
            },
            onArrayEnd: (offset, length) => {
                currentParent.length = offset + length - currentParent.offset;
                currentParent = currentParent.parent;
                ensurePropertyComplete(offset + length);
            },
            onLiteralValue: (value, offset, length) => {
                onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
                ensurePropertyComplete(offset + length);
            },
            onSeparator: (sep, offset, length) => {
                if (currentParent.type === 'property') {
                    if (sep === ':') {
                        currentParent.colonOffset = offset;
                    }
                    else if (sep === ',') {
                        ensurePropertyComplete(offset);
                    }
                }
            },
            onError: (error, offset, length) => {
                errors.push({ error, offset, length });
            }
        };
        visit(text, visitor, options);
        const result = currentParent.children[0];
        if (result) {
            delete result.parent;
        }
        return result;
    }
    exports.parseTree = parseTree;
    /**
     * Finds the node at the given path in a JSON DOM.
     */
    function findNodeAtLocation(root, path) {
        if (!root) {
            return undefined;
        }
        let node = root;
        for (let segment of path) {
            if (typeof segment === 'string') {
                if (node.type !== 'object' || !Array.isArray(node.children)) {
                    return undefined;
                }
                let found = false;
                for (const propertyNode of node.children) {
                    if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
                        node = propertyNode.children[1];
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return undefined;
                }
            }
            else {
                const index = segment;
                if (node.type !== 'array' || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
                    return undefined;
                }
                node = node.children[index];
            }
        }
        return node;
    }
    exports.findNodeAtLocation = findNodeAtLocation;
    /**
     * Gets the JSON path of the given JSON DOM node
     */
    function getNodePath(node) {
        if (!node.parent || !node.parent.children) {
            return [];
        }
        const path = getNodePath(node.parent);
        if (node.parent.type === 'property') {
            const key = node.parent.children[0].value;
            path.push(key);
        }
        else if (node.parent.type === 'array') {
            const index = node.parent.children.indexOf(node);
            if (index !== -1) {
                path.push(index);
            }
        }
        return path;
    }
    exports.getNodePath = getNodePath;
    /**
     * Evaluates the JavaScript object of the given JSON DOM node
     */
    function getNodeValue(node) {
        switch (node.type) {
            case 'array':
                return node.children.map(getNodeValue);
            case 'object':
                const obj = Object.create(null);
                for (let prop of node.children) {
                    const valueNode = prop.children[1];
                    if (valueNode) {
                        obj[prop.children[0].value] = getNodeValue(valueNode);
                    }
                }
                return obj;
            case 'null':
            case 'string':
            case 'number':
            case 'boolean':
                return node.value;
            default:
                return undefined;
        }
    }
    exports.getNodeValue = getNodeValue;
    function contains(node, offset, includeRightBound = false) {
        return (offset >= node.offset && offset < (node.offset + node.length)) || includeRightBound && (offset === (node.offset + node.length));
    }
    exports.contains = contains;
    /**
     * Finds the most inner node at the given offset. If includeRightBound is set, also finds nodes that end at the given offset.
     */
    function findNodeAtOffset(node, offset, includeRightBound = false) {
        if (contains(node, offset, includeRightBound)) {
            const children = node.children;
            if (Array.isArray(children)) {
                for (let i = 0; i < children.length && children[i].offset <= offset; i++) {
                    const item = findNodeAtOffset(children[i], offset, includeRightBound);
                    if (item) {
                        return item;
                    }
                }
            }
            return node;
        }
        return undefined;
    }
    exports.findNodeAtOffset = findNodeAtOffset;
    /**
     * Parses the given text and invokes the visitor functions for each object, array and literal reached.
     */
    function visit(text, visitor, options = ParseOptions.DEFAULT) {
        const _scanner = (0, scanner_1.createScanner)(text, false);
        // Important: Only pass copies of this to visitor functions to prevent accidental modification, and
        // to not affect visitor functions which stored a reference to a previous JSONPath
        const _jsonPath = [];
        // Depth of onXXXBegin() callbacks suppressed. onXXXEnd() decrements this if it isn't 0 already.
        // Callbacks are only called when this value is 0.
        let suppressedCallbacks = 0;
        function toNoArgVisit(visitFunction) {
            return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
        }
        function toOneArgVisit(visitFunction) {
            return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
        }
        function toOneArgVisitWithPath(visitFunction) {
            return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
        }
        function toBeginVisit(visitFunction) {
            return visitFunction ?
                () => {
                    if (suppressedCallbacks > 0) {
                        suppressedCallbacks++;
                    }
                    else {
                        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
                        if (cbReturn === false) {
                            suppressedCallbacks = 1;
                        }
                    }
                }
                : () => true;
        }
        function toEndVisit(visitFunction) {
            return visitFunction ?
                () => {
                    if (suppressedCallbacks > 0) {
                        suppressedCallbacks--;
                    }
                    if (suppressedCallbacks === 0) {
                        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
                    }
                }
                : () => true;
        }
        const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
        const disallowComments = options && options.disallowComments;
        const allowTrailingComma = options && options.allowTrailingComma;
        function scanNext() {
            while (true) {
                const token = _scanner.scan();
                switch (_scanner.getTokenError()) {
                    case 4 /* ScanError.InvalidUnicode */:
                        handleError(14 /* ParseErrorCode.InvalidUnicode */);
                        break;
                    case 5 /* ScanError.InvalidEscapeCharacter */:
                        handleError(15 /* ParseErrorCode.InvalidEscapeCharacter */);
                        break;
                    case 3 /* ScanError.UnexpectedEndOfNumber */:
                        handleError(13 /* ParseErrorCode.UnexpectedEndOfNumber */);
                        break;
                    case 1 /* ScanError.UnexpectedEndOfComment */:
                        if (!disallowComments) {
                            handleError(11 /* ParseErrorCode.UnexpectedEndOfComment */);
                        }
                        break;
                    case 2 /* ScanError.UnexpectedEndOfString */:
                        handleError(12 /* ParseErrorCode.UnexpectedEndOfString */);
                        break;
                    case 6 /* ScanError.InvalidCharacter */:
                        handleError(16 /* ParseErrorCode.InvalidCharacter */);
                        break;
                }
                switch (token) {
                    case 12 /* SyntaxKind.LineCommentTrivia */:
                    case 13 /* SyntaxKind.BlockCommentTrivia */:
                        if (disallowComments) {
                            handleError(10 /* ParseErrorCode.InvalidCommentToken */);
                        }
                        else {
                            onComment();
                        }
                        break;
                    case 16 /* SyntaxKind.Unknown */:
                        handleError(1 /* ParseErrorCode.InvalidSymbol */);
                        break;
                    case 15 /* SyntaxKind.Trivia */:
                    case 14 /* SyntaxKind.LineBreakTrivia */:
                        break;
                    default:
                        return token;
                }
            }
        }
        function handleError(error, skipUntilAfter = [], skipUntil = []) {
            onError(error);
            if (skipUntilAfter.length + skipUntil.length > 0) {
                let token = _scanner.getToken();
                while (token !== 17 /* SyntaxKind.EOF */) {
                    if (skipUntilAfter.indexOf(token) !== -1) {
                        scanNext();
                        break;
                    }
                    else if (skipUntil.indexOf(token) !== -1) {
                        break;
                    }
                    token = scanNext();
                }
            }
        }
        function parseString(isValue) {
            const value = _scanner.getTokenValue();
            if (isValue) {
                onLiteralValue(value);
            }
            else {
                onObjectProperty(value);
                // add property name afterwards
                _jsonPath.push(value);
            }
            scanNext();
            return true;
        }
        function parseLiteral() {
            switch (_scanner.getToken()) {
                case 11 /* SyntaxKind.NumericLiteral */:
                    const tokenValue = _scanner.getTokenValue();
                    let value = Number(tokenValue);
                    if (isNaN(value)) {
                        handleError(2 /* ParseErrorCode.InvalidNumberFormat */);
                        value = 0;
                    }
                    onLiteralValue(value);
                    break;
                case 7 /* SyntaxKind.NullKeyword */:
                    onLiteralValue(null);
                    break;
                case 8 /* SyntaxKind.TrueKeyword */:
                    onLiteralValue(true);
                    break;
                case 9 /* SyntaxKind.FalseKeyword */:
                    onLiteralValue(false);
                    break;
                default:
                    return false;
            }
            scanNext();
            return true;
        }
        function parseProperty() {
            if (_scanner.getToken() !== 10 /* SyntaxKind.StringLiteral */) {
                handleError(3 /* ParseErrorCode.PropertyNameExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
                return false;
            }
            parseString(false);
            if (_scanner.getToken() === 6 /* SyntaxKind.ColonToken */) {
                onSeparator(':');
                scanNext(); // consume colon
                if (!parseValue()) {
                    handleError(4 /* ParseErrorCode.ValueExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
                }
            }
            else {
                handleError(5 /* ParseErrorCode.ColonExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
            }
            _jsonPath.pop(); // remove processed property name
            return true;
        }
        function parseObject() {
            onObjectBegin();
            scanNext(); // consume open brace
            let needsComma = false;
            while (_scanner.getToken() !== 2 /* SyntaxKind.CloseBraceToken */ && _scanner.getToken() !== 17 /* SyntaxKind.EOF */) {
                if (_scanner.getToken() === 5 /* SyntaxKind.CommaToken */) {
                    if (!needsComma) {
                        handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
                    }
                    onSeparator(',');
                    scanNext(); // consume comma
                    if (_scanner.getToken() === 2 /* SyntaxKind.CloseBraceToken */ && allowTrailingComma) {
                        break;
                    }
                }
                else if (needsComma) {
                    handleError(6 /* ParseErrorCode.CommaExpected */, [], []);
                }
                if (!parseProperty()) {
                    handleError(4 /* ParseErrorCode.ValueExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
                }
                needsComma = true;
            }
            onObjectEnd();
            if (_scanner.getToken() !== 2 /* SyntaxKind.CloseBraceToken */) {
                handleError(7 /* ParseErrorCode.CloseBraceExpected */, [2 /* SyntaxKind.CloseBraceToken */], []);
            }
            else {
                scanNext(); // consume close brace
            }
            return true;
        }
        function parseArray() {
            onArrayBegin();
            scanNext(); // consume open bracket
            let isFirstElement = true;
            let needsComma = false;
            while (_scanner.getToken() !== 4 /* SyntaxKind.CloseBracketToken */ && _scanner.getToken() !== 17 /* SyntaxKind.EOF */) {
                if (_scanner.getToken() === 5 /* SyntaxKind.CommaToken */) {
                    if (!needsComma) {
                        handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
                    }
                    onSeparator(',');
                    scanNext(); // consume comma
                    if (_scanner.getToken() === 4 /* SyntaxKind.CloseBracketToken */ && allowTrailingComma) {
                        break;
                    }
                }
                else if (needsComma) {
                    handleError(6 /* ParseErrorCode.CommaExpected */, [], []);
                }
                if (isFirstElement) {
                    _jsonPath.push(0);
                    isFirstElement = false;
                }
                else {
                    _jsonPath[_jsonPath.length - 1]++;
                }
                if (!parseValue()) {
                    handleError(4 /* ParseErrorCode.ValueExpected */, [], [4 /* SyntaxKind.CloseBracketToken */, 5 /* SyntaxKind.CommaToken */]);
                }
                needsComma = true;
            }
            onArrayEnd();
            if (!isFirstElement) {
                _jsonPath.pop(); // remove array index
            }
            if (_scanner.getToken() !== 4 /* SyntaxKind.CloseBracketToken */) {
                handleError(8 /* ParseErrorCode.CloseBracketExpected */, [4 /* SyntaxKind.CloseBracketToken */], []);
            }
            else {
                scanNext(); // consume close bracket
            }
            return true;
        }
        function parseValue() {
            switch (_scanner.getToken()) {
                case 3 /* SyntaxKind.OpenBracketToken */:
                    return parseArray();
                case 1 /* SyntaxKind.OpenBraceToken */:
                    return parseObject();
                case 10 /* SyntaxKind.StringLiteral */:
                    return parseString(true);
                default:
                    return parseLiteral();
            }
        }
        scanNext();
        if (_scanner.getToken() === 17 /* SyntaxKind.EOF */) {
            if (options.allowEmptyContent) {
                return true;
            }
            handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
            return false;
        }
        if (!parseValue()) {
            handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
            return false;
        }
        if (_scanner.getToken() !== 17 /* SyntaxKind.EOF */) {
            handleError(9 /* ParseErrorCode.EndOfFileExpected */, [], []);
        }
        return true;
    }
    exports.visit = visit;
    /**
     * Takes JSON with JavaScript-style comments and remove
     * them. Optionally replaces every none-newline character
     * of comments with a replaceCharacter
     */
    function stripComments(text, replaceCh) {
        let _scanner = (0, scanner_1.createScanner)(text), parts = [], kind, offset = 0, pos;
        do {
            pos = _scanner.getPosition();
            kind = _scanner.scan();
            switch (kind) {
                case 12 /* SyntaxKind.LineCommentTrivia */:
                case 13 /* SyntaxKind.BlockCommentTrivia */:
                case 17 /* SyntaxKind.EOF */:
                    if (offset !== pos) {
                        parts.push(text.substring(offset, pos));
                    }
                    if (replaceCh !== undefined) {
                        parts.push(_scanner.getTokenValue().replace(/[^\r\n]/g, replaceCh));
                    }
                    offset = _scanner.getPosition();
                    break;
            }
        } while (kind !== 17 /* SyntaxKind.EOF */);
        return parts.join('');
    }
    exports.stripComments = stripComments;
    function getNodeType(value) {
        switch (typeof value) {
            case 'boolean': return 'boolean';
            case 'number': return 'number';
            case 'string': return 'string';
            case 'object': {
                if (!value) {
                    return 'null';
                }
                else if (Array.isArray(value)) {
                    return 'array';
                }
                return 'object';
            }
            default: return 'null';
        }
    }
    exports.getNodeType = getNodeType;
});


/***/ }),

/***/ 525:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /*---------------------------------------------------------------------------------------------
     *  Copyright (c) Microsoft Corporation. All rights reserved.
     *  Licensed under the MIT License. See License.txt in the project root for license information.
     *--------------------------------------------------------------------------------------------*/
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.createScanner = void 0;
    /**
     * Creates a JSON scanner on the given text.
     * If ignoreTrivia is set, whitespaces or comments are ignored.
     */
    function createScanner(text, ignoreTrivia = false) {
        const len = text.length;
        let pos = 0, value = '', tokenOffset = 0, token = 16 /* SyntaxKind.Unknown */, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0 /* ScanError.None */;
        function scanHexDigits(count, exact) {
            let digits = 0;
            let value = 0;
            while (digits < count || !exact) {
                let ch = text.charCodeAt(pos);
                if (ch >= 48 /* CharacterCodes._0 */ && ch <= 57 /* CharacterCodes._9 */) {
                    value = value * 16 + ch - 48 /* CharacterCodes._0 */;
                }
                else if (ch >= 65 /* CharacterCodes.A */ && ch <= 70 /* CharacterCodes.F */) {
                    value = value * 16 + ch - 65 /* CharacterCodes.A */ + 10;
                }
                else if (ch >= 97 /* CharacterCodes.a */ && ch <= 102 /* CharacterCodes.f */) {
                    value = value * 16 + ch - 97 /* CharacterCodes.a */ + 10;
                }
                else {
                    break;
                }
                pos++;
                digits++;
            }
            if (digits < count) {
                value = -1;
            }
            return value;
        }
        function setPosition(newPosition) {
            pos = newPosition;
            value = '';
            tokenOffset = 0;
            token = 16 /* SyntaxKind.Unknown */;
            scanError = 0 /* ScanError.None */;
        }
        function scanNumber() {
            let start = pos;
            if (text.charCodeAt(pos) === 48 /* CharacterCodes._0 */) {
                pos++;
            }
            else {
                pos++;
                while (pos < text.length && isDigit(text.charCodeAt(pos))) {
                    pos++;
                }
            }
            if (pos < text.length && text.charCodeAt(pos) === 46 /* CharacterCodes.dot */) {
                pos++;
                if (pos < text.length && isDigit(text.charCodeAt(pos))) {
                    pos++;
                    while (pos < text.length && isDigit(text.charCodeAt(pos))) {
                        pos++;
                    }
                }
                else {
                    scanError = 3 /* ScanError.UnexpectedEndOfNumber */;
                    return text.substring(start, pos);
                }
            }
            let end = pos;
            if (pos < text.length && (text.charCodeAt(pos) === 69 /* CharacterCodes.E */ || text.charCodeAt(pos) === 101 /* CharacterCodes.e */)) {
                pos++;
                if (pos < text.length && text.charCodeAt(pos) === 43 /* CharacterCodes.plus */ || text.charCodeAt(pos) === 45 /* CharacterCodes.minus */) {
                    pos++;
                }
                if (pos < text.length && isDigit(text.charCodeAt(pos))) {
                    pos++;
                    while (pos < text.length && isDigit(text.charCodeAt(pos))) {
                        pos++;
                    }
                    end = pos;
                }
                else {
                    scanError = 3 /* ScanError.UnexpectedEndOfNumber */;
                }
            }
            return text.substring(start, end);
        }
        function scanString() {
            let result = '', start = pos;
            while (true) {
                if (pos >= len) {
                    result += text.substring(start, pos);
                    scanError = 2 /* ScanError.UnexpectedEndOfString */;
                    break;
                }
                const ch = text.charCodeAt(pos);
                if (ch === 34 /* CharacterCodes.doubleQuote */) {
                    result += text.substring(start, pos);
                    pos++;
                    break;
                }
                if (ch === 92 /* CharacterCodes.backslash */) {
                    result += text.substring(start, pos);
                    pos++;
                    if (pos >= len) {
                        scanError = 2 /* ScanError.UnexpectedEndOfString */;
                        break;
                    }
                    const ch2 = text.charCodeAt(pos++);
                    switch (ch2) {
                        case 34 /* CharacterCodes.doubleQuote */:
                            result += '\"';
                            break;
                        case 92 /* CharacterCodes.backslash */:
                            result += '\\';
                            break;
                        case 47 /* CharacterCodes.slash */:
                            result += '/';
                            break;
                        case 98 /* CharacterCodes.b */:
                            result += '\b';
                            break;
                        case 102 /* CharacterCodes.f */:
                            result += '\f';
                            break;
                        case 110 /* CharacterCodes.n */:
                            result += '\n';
                            break;
                        case 114 /* CharacterCodes.r */:
                            result += '\r';
                            break;
                        case 116 /* CharacterCodes.t */:
                            result += '\t';
                            break;
                        case 117 /* CharacterCodes.u */:
                            const ch3 = scanHexDigits(4, true);
                            if (ch3 >= 0) {
                                result += String.fromCharCode(ch3);
                            }
                            else {
                                scanError = 4 /* ScanError.InvalidUnicode */;
                            }
                            break;
                        default:
                            scanError = 5 /* ScanError.InvalidEscapeCharacter */;
                    }
                    start = pos;
                    continue;
                }
                if (ch >= 0 && ch <= 0x1f) {
                    if (isLineBreak(ch)) {
                        result += text.substring(start, pos);
                        scanError = 2 /* ScanError.UnexpectedEndOfString */;
                        break;
                    }
                    else {
                        scanError = 6 /* ScanError.InvalidCharacter */;
                        // mark as error but continue with string
                    }
                }
                pos++;
            }
            return result;
        }
        function scanNext() {
            value = '';
            scanError = 0 /* ScanError.None */;
            tokenOffset = pos;
            lineStartOffset = lineNumber;
            prevTokenLineStartOffset = tokenLineStartOffset;
            if (pos >= len) {
                // at the end
                tokenOffset = len;
                return token = 17 /* SyntaxKind.EOF */;
            }
            let code = text.charCodeAt(pos);
            // trivia: whitespace
            if (isWhiteSpace(code)) {
                do {
                    pos++;
                    value += String.fromCharCode(code);
                    code = text.charCodeAt(pos);
                } while (isWhiteSpace(code));
                return token = 15 /* SyntaxKind.Trivia */;
            }
            // trivia: newlines
            if (isLineBreak(code)) {
                pos++;
                value += String.fromCharCode(code);
                if (code === 13 /* CharacterCodes.carriageReturn */ && text.charCodeAt(pos) === 10 /* CharacterCodes.lineFeed */) {
                    pos++;
                    value += '\n';
                }
                lineNumber++;
                tokenLineStartOffset = pos;
                return token = 14 /* SyntaxKind.LineBreakTrivia */;
            }
            switch (code) {
                // tokens: []{}:,
                case 123 /* CharacterCodes.openBrace */:
                    pos++;
                    return token = 1 /* SyntaxKind.OpenBraceToken */;
                case 125 /* CharacterCodes.closeBrace */:
                    pos++;
                    return token = 2 /* SyntaxKind.CloseBraceToken */;
                case 91 /* CharacterCodes.openBracket */:
                    pos++;
                    return token = 3 /* SyntaxKind.OpenBracketToken */;
                case 93 /* CharacterCodes.closeBracket */:
                    pos++;
                    return token = 4 /* SyntaxKind.CloseBracketToken */;
                case 58 /* CharacterCodes.colon */:
                    pos++;
                    return token = 6 /* SyntaxKind.ColonToken */;
                case 44 /* CharacterCodes.comma */:
                    pos++;
                    return token = 5 /* SyntaxKind.CommaToken */;
                // strings
                case 34 /* CharacterCodes.doubleQuote */:
                    pos++;
                    value = scanString();
                    return token = 10 /* SyntaxKind.StringLiteral */;
                // comments
                case 47 /* CharacterCodes.slash */:
                    const start = pos - 1;
                    // Single-line comment
                    if (text.charCodeAt(pos + 1) === 47 /* CharacterCodes.slash */) {
                        pos += 2;
                        while (pos < len) {
                            if (isLineBreak(text.charCodeAt(pos))) {
                                break;
                            }
                            pos++;
                        }
                        value = text.substring(start, pos);
                        return token = 12 /* SyntaxKind.LineCommentTrivia */;
                    }
                    // Multi-line comment
                    if (text.charCodeAt(pos + 1) === 42 /* CharacterCodes.asterisk */) {
                        pos += 2;
                        const safeLength = len - 1; // For lookahead.
                        let commentClosed = false;
                        while (pos < safeLength) {
                            const ch = text.charCodeAt(pos);
                            if (ch === 42 /* CharacterCodes.asterisk */ && text.charCodeAt(pos + 1) === 47 /* CharacterCodes.slash */) {
                                pos += 2;
                                commentClosed = true;
                                break;
                            }
                            pos++;
                            if (isLineBreak(ch)) {
                                if (ch === 13 /* CharacterCodes.carriageReturn */ && text.charCodeAt(pos) === 10 /* CharacterCodes.lineFeed */) {
                                    pos++;
                                }
                                lineNumber++;
                                tokenLineStartOffset = pos;
                            }
                        }
                        if (!commentClosed) {
                            pos++;
                            scanError = 1 /* ScanError.UnexpectedEndOfComment */;
                        }
                        value = text.substring(start, pos);
                        return token = 13 /* SyntaxKind.BlockCommentTrivia */;
                    }
                    // just a single slash
                    value += String.fromCharCode(code);
                    pos++;
                    return token = 16 /* SyntaxKind.Unknown */;
                // numbers
                case 45 /* CharacterCodes.minus */:
                    value += String.fromCharCode(code);
                    pos++;
                    if (pos === len || !isDigit(text.charCodeAt(pos))) {
                        return token = 16 /* SyntaxKind.Unknown */;
                    }
                // found a minus, followed by a number so
                // we fall through to proceed with scanning
                // numbers
                case 48 /* CharacterCodes._0 */:
                case 49 /* CharacterCodes._1 */:
                case 50 /* CharacterCodes._2 */:
                case 51 /* CharacterCodes._3 */:
                case 52 /* CharacterCodes._4 */:
                case 53 /* CharacterCodes._5 */:
                case 54 /* CharacterCodes._6 */:
                case 55 /* CharacterCodes._7 */:
                case 56 /* CharacterCodes._8 */:
                case 57 /* CharacterCodes._9 */:
                    value += scanNumber();
                    return token = 11 /* SyntaxKind.NumericLiteral */;
                // literals and unknown symbols
                default:
                    // is a literal? Read the full word.
                    while (pos < len && isUnknownContentCharacter(code)) {
                        pos++;
                        code = text.charCodeAt(pos);
                    }
                    if (tokenOffset !== pos) {
                        value = text.substring(tokenOffset, pos);
                        // keywords: true, false, null
                        switch (value) {
                            case 'true': return token = 8 /* SyntaxKind.TrueKeyword */;
                            case 'false': return token = 9 /* SyntaxKind.FalseKeyword */;
                            case 'null': return token = 7 /* SyntaxKind.NullKeyword */;
                        }
                        return token = 16 /* SyntaxKind.Unknown */;
                    }
                    // some
                    value += String.fromCharCode(code);
                    pos++;
                    return token = 16 /* SyntaxKind.Unknown */;
            }
        }
        function isUnknownContentCharacter(code) {
            if (isWhiteSpace(code) || isLineBreak(code)) {
                return false;
            }
            switch (code) {
                case 125 /* CharacterCodes.closeBrace */:
                case 93 /* CharacterCodes.closeBracket */:
                case 123 /* CharacterCodes.openBrace */:
                case 91 /* CharacterCodes.openBracket */:
                case 34 /* CharacterCodes.doubleQuote */:
                case 58 /* CharacterCodes.colon */:
                case 44 /* CharacterCodes.comma */:
                case 47 /* CharacterCodes.slash */:
                    return false;
            }
            return true;
        }
        function scanNextNonTrivia() {
            let result;
            do {
                result = scanNext();
            } while (result >= 12 /* SyntaxKind.LineCommentTrivia */ && result <= 15 /* SyntaxKind.Trivia */);
            return result;
        }
        return {
            setPosition: setPosition,
            getPosition: () => pos,
            scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
            getToken: () => token,
            getTokenValue: () => value,
            getTokenOffset: () => tokenOffset,
            getTokenLength: () => pos - tokenOffset,
            getTokenStartLine: () => lineStartOffset,
            getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
            getTokenError: () => scanError,
        };
    }
    exports.createScanner = createScanner;
    function isWhiteSpace(ch) {
        return ch === 32 /* CharacterCodes.space */ || ch === 9 /* CharacterCodes.tab */;
    }
    function isLineBreak(ch) {
        return ch === 10 /* CharacterCodes.lineFeed */ || ch === 13 /* CharacterCodes.carriageReturn */;
    }
    function isDigit(ch) {
        return ch >= 48 /* CharacterCodes._0 */ && ch <= 57 /* CharacterCodes._9 */;
    }
    var CharacterCodes;
    (function (CharacterCodes) {
        CharacterCodes[CharacterCodes["lineFeed"] = 10] = "lineFeed";
        CharacterCodes[CharacterCodes["carriageReturn"] = 13] = "carriageReturn";
        CharacterCodes[CharacterCodes["space"] = 32] = "space";
        CharacterCodes[CharacterCodes["_0"] = 48] = "_0";
        CharacterCodes[CharacterCodes["_1"] = 49] = "_1";
        CharacterCodes[CharacterCodes["_2"] = 50] = "_2";
        CharacterCodes[CharacterCodes["_3"] = 51] = "_3";
        CharacterCodes[CharacterCodes["_4"] = 52] = "_4";
        CharacterCodes[CharacterCodes["_5"] = 53] = "_5";
        CharacterCodes[CharacterCodes["_6"] = 54] = "_6";
        CharacterCodes[CharacterCodes["_7"] = 55] = "_7";
        CharacterCodes[CharacterCodes["_8"] = 56] = "_8";
        CharacterCodes[CharacterCodes["_9"] = 57] = "_9";
        CharacterCodes[CharacterCodes["a"] = 97] = "a";
        CharacterCodes[CharacterCodes["b"] = 98] = "b";
        CharacterCodes[CharacterCodes["c"] = 99] = "c";
        CharacterCodes[CharacterCodes["d"] = 100] = "d";
        CharacterCodes[CharacterCodes["e"] = 101] = "e";
        CharacterCodes[CharacterCodes["f"] = 102] = "f";
        CharacterCodes[CharacterCodes["g"] = 103] = "g";
        CharacterCodes[CharacterCodes["h"] = 104] = "h";
        CharacterCodes[CharacterCodes["i"] = 105] = "i";
        CharacterCodes[CharacterCodes["j"] = 106] = "j";
        CharacterCodes[CharacterCodes["k"] = 107] = "k";
        CharacterCodes[CharacterCodes["l"] = 108] = "l";
        CharacterCodes[CharacterCodes["m"] = 109] = "m";
        CharacterCodes[CharacterCodes["n"] = 110] = "n";
        CharacterCodes[CharacterCodes["o"] = 111] = "o";
        CharacterCodes[CharacterCodes["p"] = 112] = "p";
        CharacterCodes[CharacterCodes["q"] = 113] = "q";
        CharacterCodes[CharacterCodes["r"] = 114] = "r";
        CharacterCodes[CharacterCodes["s"] = 115] = "s";
        CharacterCodes[CharacterCodes["t"] = 116] = "t";
        CharacterCodes[CharacterCodes["u"] = 117] = "u";
        CharacterCodes[CharacterCodes["v"] = 118] = "v";
        CharacterCodes[CharacterCodes["w"] = 119] = "w";
        CharacterCodes[CharacterCodes["x"] = 120] = "x";
        CharacterCodes[CharacterCodes["y"] = 121] = "y";
        CharacterCodes[CharacterCodes["z"] = 122] = "z";
        CharacterCodes[CharacterCodes["A"] = 65] = "A";
        CharacterCodes[CharacterCodes["B"] = 66] = "B";
        CharacterCodes[CharacterCodes["C"] = 67] = "C";
        CharacterCodes[CharacterCodes["D"] = 68] = "D";
        CharacterCodes[CharacterCodes["E"] = 69] = "E";
        CharacterCodes[CharacterCodes["F"] = 70] = "F";
        CharacterCodes[CharacterCodes["G"] = 71] = "G";
        CharacterCodes[CharacterCodes["H"] = 72] = "H";
        CharacterCodes[CharacterCodes["I"] = 73] = "I";
        CharacterCodes[CharacterCodes["J"] = 74] = "J";
        CharacterCodes[CharacterCodes["K"] = 75] = "K";
        CharacterCodes[CharacterCodes["L"] = 76] = "L";
        CharacterCodes[CharacterCodes["M"] = 77] = "M";
        CharacterCodes[CharacterCodes["N"] = 78] = "N";
        CharacterCodes[CharacterCodes["O"] = 79] = "O";
        CharacterCodes[CharacterCodes["P"] = 80] = "P";
        CharacterCodes[CharacterCodes["Q"] = 81] = "Q";
        CharacterCodes[CharacterCodes["R"] = 82] = "R";
        CharacterCodes[CharacterCodes["S"] = 83] = "S";
        CharacterCodes[CharacterCodes["T"] = 84] = "T";
        CharacterCodes[CharacterCodes["U"] = 85] = "U";
        CharacterCodes[CharacterCodes["V"] = 86] = "V";
        CharacterCodes[CharacterCodes["W"] = 87] = "W";
        CharacterCodes[CharacterCodes["X"] = 88] = "X";
        CharacterCodes[CharacterCodes["Y"] = 89] = "Y";
        CharacterCodes[CharacterCodes["Z"] = 90] = "Z";
        CharacterCodes[CharacterCodes["asterisk"] = 42] = "asterisk";
        CharacterCodes[CharacterCodes["backslash"] = 92] = "backslash";
        CharacterCodes[CharacterCodes["closeBrace"] = 125] = "closeBrace";
        CharacterCodes[CharacterCodes["closeBracket"] = 93] = "closeBracket";
        CharacterCodes[CharacterCodes["colon"] = 58] = "colon";
        CharacterCodes[CharacterCodes["comma"] = 44] = "comma";
        CharacterCodes[CharacterCodes["dot"] = 46] = "dot";
        CharacterCodes[CharacterCodes["doubleQuote"] = 34] = "doubleQuote";
        CharacterCodes[CharacterCodes["minus"] = 45] = "minus";
        CharacterCodes[CharacterCodes["openBrace"] = 123] = "openBrace";
        CharacterCodes[CharacterCodes["openBracket"] = 91] = "openBracket";
        CharacterCodes[CharacterCodes["plus"] = 43] = "plus";
        CharacterCodes[CharacterCodes["slash"] = 47] = "slash";
        CharacterCodes[CharacterCodes["formFeed"] = 12] = "formFeed";
        CharacterCodes[CharacterCodes["tab"] = 9] = "tab";
    })(CharacterCodes || (CharacterCodes = {}));
});


/***/ }),

/***/ 579:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    "use strict";
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.supportedEols = exports.cachedBreakLinesWithSpaces = exports.cachedSpaces = void 0;
    exports.cachedSpaces = new Array(20).fill(0).map((_, index) => {
        return ' '.repeat(index);
    });
    const maxCachedValues = 200;
    exports.cachedBreakLinesWithSpaces = {
        ' ': {
            '\n': new Array(maxCachedValues).fill(0).map((_, index) => {
                return '\n' + ' '.repeat(index);
            }),
            '\r': new Array(maxCachedValues).fill(0).map((_, index) => {
                return '\r' + ' '.repeat(index);
            }),
            '\r\n': new Array(maxCachedValues).fill(0).map((_, index) => {
                return '\r\n' + ' '.repeat(index);
            }),
        },
        '\t': {
            '\n': new Array(maxCachedValues).fill(0).map((_, index) => {
                return '\n' + '\t'.repeat(index);
            }),
            '\r': new Array(maxCachedValues).fill(0).map((_, index) => {
                return '\r' + '\t'.repeat(index);
            }),
            '\r\n': new Array(maxCachedValues).fill(0).map((_, index) => {
                return '\r\n' + '\t'.repeat(index);
            }),
        }
    };
    exports.supportedEols = ['\n', '\r', '\r\n'];
});


/***/ }),

/***/ 547:
/***/ ((module, exports, __nccwpck_require__) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports", "./impl/format", "./impl/edit", "./impl/scanner", "./impl/parser"], factory);
    }
})(function () {
    /*---------------------------------------------------------------------------------------------
     *  Copyright (c) Microsoft Corporation. All rights reserved.
     *  Licensed under the MIT License. See License.txt in the project root for license information.
     *--------------------------------------------------------------------------------------------*/
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.applyEdits = exports.modify = exports.format = exports.printParseErrorCode = exports.ParseErrorCode = exports.stripComments = exports.visit = exports.getNodeValue = exports.getNodePath = exports.findNodeAtOffset = exports.findNodeAtLocation = exports.parseTree = exports.parse = exports.getLocation = exports.SyntaxKind = exports.ScanError = exports.createScanner = void 0;
    const formatter = __nccwpck_require__(612);
    const edit = __nccwpck_require__(807);
    const scanner = __nccwpck_require__(525);
    const parser = __nccwpck_require__(152);
    /**
     * Creates a JSON scanner on the given text.
     * If ignoreTrivia is set, whitespaces or comments are ignored.
     */
    exports.createScanner = scanner.createScanner;
    var ScanError;
    (function (ScanError) {
        ScanError[ScanError["None"] = 0] = "None";
        ScanError[ScanError["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
        ScanError[ScanError["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
        ScanError[ScanError["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
        ScanError[ScanError["InvalidUnicode"] = 4] = "InvalidUnicode";
        ScanError[ScanError["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
        ScanError[ScanError["InvalidCharacter"] = 6] = "InvalidCharacter";
    })(ScanError || (exports.ScanError = ScanError = {}));
    var SyntaxKind;
    (function (SyntaxKind) {
        SyntaxKind[SyntaxKind["OpenBraceToken"] = 1] = "OpenBraceToken";
        SyntaxKind[SyntaxKind["CloseBraceToken"] = 2] = "CloseBraceToken";
        SyntaxKind[SyntaxKind["OpenBracketToken"] = 3] = "OpenBracketToken";
        SyntaxKind[SyntaxKind["CloseBracketToken"] = 4] = "CloseBracketToken";
        SyntaxKind[SyntaxKind["CommaToken"] = 5] = "CommaToken";
        SyntaxKind[SyntaxKind["ColonToken"] = 6] = "ColonToken";
        SyntaxKind[SyntaxKind["NullKeyword"] = 7] = "NullKeyword";
        SyntaxKind[SyntaxKind["TrueKeyword"] = 8] = "TrueKeyword";
        SyntaxKind[SyntaxKind["FalseKeyword"] = 9] = "FalseKeyword";
        SyntaxKind[SyntaxKind["StringLiteral"] = 10] = "StringLiteral";
        SyntaxKind[SyntaxKind["NumericLiteral"] = 11] = "NumericLiteral";
        SyntaxKind[SyntaxKind["LineCommentTrivia"] = 12] = "LineCommentTrivia";
        SyntaxKind[SyntaxKind["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
        SyntaxKind[SyntaxKind["LineBreakTrivia"] = 14] = "LineBreakTrivia";
        SyntaxKind[SyntaxKind["Trivia"] = 15] = "Trivia";
        SyntaxKind[SyntaxKind["Unknown"] = 16] = "Unknown";
        SyntaxKind[SyntaxKind["EOF"] = 17] = "EOF";
    })(SyntaxKind || (exports.SyntaxKind = SyntaxKind = {}));
    /**
     * For a given offset, evaluate the location in the JSON document. Each segment in the location path is either a property name or an array index.
     */
    exports.getLocation = parser.getLocation;
    /**
     * Parses the given text and returns the object the JSON content represents. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
     * Therefore, always check the errors list to find out if the input was valid.
     */
    exports.parse = parser.parse;
    /**
     * Parses the given text and returns a tree representation the JSON content. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
     */
    exports.parseTree = parser.parseTree;
    /**
     * Finds the node at the given path in a JSON DOM.
     */
    exports.findNodeAtLocation = parser.findNodeAtLocation;
    /**
     * Finds the innermost node at the given offset. If includeRightBound is set, also finds nodes that end at the given offset.
     */
    exports.findNodeAtOffset = parser.findNodeAtOffset;
    /**
     * Gets the JSON path of the given JSON DOM node
     */
    exports.getNodePath = parser.getNodePath;
    /**
     * Evaluates the JavaScript object of the given JSON DOM node
     */
    exports.getNodeValue = parser.getNodeValue;
    /**
     * Parses the given text and invokes the visitor functions for each object, array and literal reached.
     */
    exports.visit = parser.visit;
    /**
     * Takes JSON with JavaScript-style comments and remove
     * them. Optionally replaces every none-newline character
     * of comments with a replaceCharacter
     */
    exports.stripComments = parser.stripComments;
    var ParseErrorCode;
    (function (ParseErrorCode) {
        ParseErrorCode[ParseErrorCode["InvalidSymbol"] = 1] = "InvalidSymbol";
        ParseErrorCode[ParseErrorCode["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
        ParseErrorCode[ParseErrorCode["PropertyNameExpected"] = 3] = "PropertyNameExpected";
        ParseErrorCode[ParseErrorCode["ValueExpected"] = 4] = "ValueExpected";
        ParseErrorCode[ParseErrorCode["ColonExpected"] = 5] = "ColonExpected";
        ParseErrorCode[ParseErrorCode["CommaExpected"] = 6] = "CommaExpected";
        ParseErrorCode[ParseErrorCode["CloseBraceExpected"] = 7] = "CloseBraceExpected";
        ParseErrorCode[ParseErrorCode["CloseBracketExpected"] = 8] = "CloseBracketExpected";
        ParseErrorCode[ParseErrorCode["EndOfFileExpected"] = 9] = "EndOfFileExpected";
        ParseErrorCode[ParseErrorCode["InvalidCommentToken"] = 10] = "InvalidCommentToken";
        ParseErrorCode[ParseErrorCode["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
        ParseErrorCode[ParseErrorCode["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
        ParseErrorCode[ParseErrorCode["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
        ParseErrorCode[ParseErrorCode["InvalidUnicode"] = 14] = "InvalidUnicode";
        ParseErrorCode[ParseErrorCode["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
        ParseErrorCode[ParseErrorCode["InvalidCharacter"] = 16] = "InvalidCharacter";
    })(ParseErrorCode || (exports.ParseErrorCode = ParseErrorCode = {}));
    function printParseErrorCode(code) {
        switch (code) {
            case 1 /* ParseErrorCode.InvalidSymbol */: return 'InvalidSymbol';
            case 2 /* ParseErrorCode.InvalidNumberFormat */: return 'InvalidNumberFormat';
            case 3 /* ParseErrorCode.PropertyNameExpected */: return 'PropertyNameExpected';
            case 4 /* ParseErrorCode.ValueExpected */: return 'ValueExpected';
            case 5 /* ParseErrorCode.ColonExpected */: return 'ColonExpected';
            case 6 /* ParseErrorCode.CommaExpected */: return 'CommaExpected';
            case 7 /* ParseErrorCode.CloseBraceExpected */: return 'CloseBraceExpected';
            case 8 /* ParseErrorCode.CloseBracketExpected */: return 'CloseBracketExpected';
            case 9 /* ParseErrorCode.EndOfFileExpected */: return 'EndOfFileExpected';
            case 10 /* ParseErrorCode.InvalidCommentToken */: return 'InvalidCommentToken';
            case 11 /* ParseErrorCode.UnexpectedEndOfComment */: return 'UnexpectedEndOfComment';
            case 12 /* ParseErrorCode.UnexpectedEndOfString */: return 'UnexpectedEndOfString';
            case 13 /* ParseErrorCode.UnexpectedEndOfNumber */: return 'UnexpectedEndOfNumber';
            case 14 /* ParseErrorCode.InvalidUnicode */: return 'InvalidUnicode';
            case 15 /* ParseErrorCode.InvalidEscapeCharacter */: return 'InvalidEscapeCharacter';
            case 16 /* ParseErrorCode.InvalidCharacter */: return 'InvalidCharacter';
        }
        return '<unknown ParseErrorCode>';
    }
    exports.printParseErrorCode = printParseErrorCode;
    /**
     * Computes the edit operations needed to format a JSON document.
     *
     * @param documentText The input text
     * @param range The range to format or `undefined` to format the full content
     * @param options The formatting options
     * @returns The edit operations describing the formatting changes to the original document following the format described in {@linkcode EditResult}.
     * To apply the edit operations to the input, use {@linkcode applyEdits}.
     */
    function format(documentText, range, options) {
        return formatter.format(documentText, range, options);
    }
    exports.format = format;
    /**
     * Computes the edit operations needed to modify a value in the JSON document.
     *
     * @param documentText The input text
     * @param path The path of the value to change. The path represents either to the document root, a property or an array item.
     * If the path points to an non-existing property or item, it will be created.
     * @param value The new value for the specified property or item. If the value is undefined,
     * the property or item will be removed.
     * @param options Options
     * @returns The edit operations describing the changes to the original document, following the format described in {@linkcode EditResult}.
     * To apply the edit operations to the input, use {@linkcode applyEdits}.
     */
    function modify(text, path, value, options) {
        return edit.setProperty(text, path, value, options);
    }
    exports.modify = modify;
    /**
     * Applies edits to an input string.
     * @param text The input text
     * @param edits Edit operations following the format described in {@linkcode EditResult}.
     * @returns The text with the applied edits.
     * @throws An error if the edit operations are not well-formed as described in {@linkcode EditResult}.
     */
    function applyEdits(text, edits) {
        let sortedEdits = edits.slice(0).sort((a, b) => {
            const diff = a.offset - b.offset;
            if (diff === 0) {
                return a.length - b.length;
            }
            return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
            let e = sortedEdits[i];
            if (e.offset + e.length <= lastModifiedOffset) {
                text = edit.applyEdit(text, e);
            }
            else {
                throw new Error('Overlapping edit');
            }
            lastModifiedOffset = e.offset;
        }
        return text;
    }
    exports.applyEdits = applyEdits;
});


/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = require("node:worker_threads");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ./src/sources/read-source.ts
/** Reads one source file, refusing what a scan must not read: files over 5 MB and anything not UTF-8 text. */

const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
function readSource(file) {
    let size;
    try {
        size = external_node_fs_namespaceObject.statSync(file).size;
    }
    catch (e) {
        return { ok: false, reason: `cannot be read (${e.code ?? 'error'})` };
    }
    if (size > MAX_SOURCE_BYTES) {
        return { ok: false, reason: `is ${(size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit` };
    }
    const bytes = external_node_fs_namespaceObject.readFileSync(file);
    if (bytes.includes(0))
        return { ok: false, reason: 'is not text (it holds NUL bytes)' };
    let text;
    try {
        text = utf8.decode(bytes);
    }
    catch {
        return { ok: false, reason: 'is not UTF-8 text' };
    }
    // A byte order mark is valid UTF-8 but not part of the source.
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
/** The notice for a file the scan could not read (too large, not UTF-8, a link out of the root...). */
function skippedNotice(file, reason) {
    return {
        ruleId: 'KMS012',
        severity: 'notice',
        origin: { file, startLine: 1, endLine: 1 },
        message: `Skipped this file: it ${reason}.`,
    };
}

;// CONCATENATED MODULE: ./src/sources/tree-sitter.ts
/**
 * Loads web-tree-sitter and the grammar wasm files.
 *
 * In the ncc bundle web-tree-sitter is left out (its Emscripten glue shadows `require` when bundled)
 * and its own CommonJS build is loaded from dist/ at run time, with the wasm files beside it; the build
 * copies them there. Under jest there is no bundle: the package is imported from node_modules.
 */


const GRAMMAR_FILES = {
    hcl: { pkg: '@tree-sitter-grammars/tree-sitter-hcl', file: 'tree-sitter-hcl.wasm' },
};
function inBundle() {
    return typeof require === 'function';
}
/** node_modules of the project, found from the working directory (tests run from the repository root). */
function nodeModulesDir() {
    let dir = process.cwd();
    for (;;) {
        const candidate = external_node_path_namespaceObject.join(dir, 'node_modules', 'web-tree-sitter');
        if (external_node_fs_namespaceObject.existsSync(candidate))
            return external_node_path_namespaceObject.join(dir, 'node_modules');
        const parent = external_node_path_namespaceObject.dirname(dir);
        if (parent === dir)
            throw new Error('web-tree-sitter not found: run npm ci');
        dir = parent;
    }
}
let modulePromise;
const languages = new Map();
async function loadModule() {
    if (inBundle()) {
        const ts = require(external_node_path_namespaceObject.join(__dirname, 'web-tree-sitter.cjs'));
        await ts.Parser.init({ locateFile: (name) => external_node_path_namespaceObject.join(__dirname, name) });
        return ts;
    }
    const ts = (await import(/* webpackIgnore: true */ 'web-tree-sitter'));
    await ts.Parser.init();
    return ts;
}
function treeSitter() {
    modulePromise ??= loadModule();
    return modulePromise;
}
function grammarPath(grammar) {
    const g = GRAMMAR_FILES[grammar];
    return inBundle() ? external_node_path_namespaceObject.join(__dirname, g.file) : external_node_path_namespaceObject.join(nodeModulesDir(), g.pkg, g.file);
}
async function language(grammar) {
    let p = languages.get(grammar);
    if (!p) {
        p = treeSitter().then((ts) => ts.Language.load(grammarPath(grammar)));
        languages.set(grammar, p);
    }
    return p;
}
/** A parser for one grammar. Parsers are cheap; reuse one per thread for many files. */
async function tree_sitter_createParser(grammar) {
    const ts = await treeSitter();
    const parser = new ts.Parser();
    parser.setLanguage(await language(grammar));
    return parser;
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __nccwpck_require__(547);
;// CONCATENATED MODULE: ./src/sources/shared/json-lines.ts
/**
 * JSON (with comments) parsed so that every value keeps its lines. ARM templates, parameter files and
 * Terraform plan JSON are all read through here: findings must point at the line that says what is
 * wrong, which `JSON.parse` cannot tell.
 */

/**
 * Offsets (UTF-16 units) → 1-based lines; line starts are computed once per file so each lookup is a binary
 * search. Shared by the JSON readers here and the Terraform HCL converter.
 */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    line(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
}
/** Parses JSON with comments and trailing commas; the first syntax error is reported with its line. */
function parseJson(path, text) {
    const errors = [];
    const root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    const lines = new LineIndex(text);
    if (errors.length > 0 || root === undefined) {
        const first = errors[0];
        const line = first ? lines.line(first.offset) : 1;
        const what = first ? jsonc.printParseErrorCode(first.error) : 'empty document';
        return { ok: false, line, message: `invalid JSON at line ${line}: ${what}` };
    }
    return { ok: true, doc: { path, text, root, lines } };
}
function originOf(doc, node) {
    return {
        file: doc.path,
        startLine: doc.lines.line(node.offset),
        endLine: doc.lines.line(node.offset + node.length),
    };
}
/** A property of an object node, by exact name, then ignoring case (ARM property names are case-insensitive). */
function prop(node, name) {
    if (node?.type !== 'object' || !node.children)
        return undefined;
    let ci;
    const lower = name.toLowerCase();
    for (const p of node.children) {
        const key = p.children?.[0]?.value;
        if (typeof key !== 'string')
            continue;
        if (key === name)
            return p.children?.[1];
        if (ci === undefined && key.toLowerCase() === lower)
            ci = p.children?.[1];
    }
    return ci;
}
/** The properties of an object node in source order. */
function entries(node) {
    if (node?.type !== 'object' || !node.children)
        return [];
    const out = [];
    for (const p of node.children) {
        const key = p.children?.[0]?.value;
        const value = p.children?.[1];
        if (typeof key === 'string' && value)
            out.push([key, value]);
    }
    return out;
}
function json_lines_elements(node) {
    return node?.type === 'array' ? (node.children ?? []) : [];
}
function stringOf(node) {
    return node?.type === 'string' ? node.value : undefined;
}
/** The plain JSON value of a node (no expression evaluation). */
function plain(node) {
    return node === undefined ? undefined : jsonc.getNodeValue(node);
}
/** A literal node as a value tree, each node with its own lines; `origin` overrides them all when given. */
function literal(doc, node, origin) {
    const o = origin ?? originOf(doc, node);
    switch (node.type) {
        case 'string':
            return { kind: 'string', value: node.value, origin: o };
        case 'number':
            return { kind: 'number', value: node.value, origin: o };
        case 'boolean':
            return { kind: 'bool', value: node.value, origin: o };
        case 'null':
            return { kind: 'null', origin: o };
        case 'array':
            return { kind: 'list', items: json_lines_elements(node).map((n) => literal(doc, n, origin)), origin: o };
        default: {
            const attrs = {};
            for (const [k, v] of entries(node))
                attrs[k] = literal(doc, v, origin);
            return { kind: 'object', attrs, origin: o };
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/terraform/parse.ts
/**
 * Turns Terraform source (HCL native syntax through tree-sitter, JSON syntax through jsonc-parser) into the
 * plain AST of hcl-ast.ts. Nothing here evaluates anything and nothing here keeps tree-sitter objects, so a
 * worker thread can run it and post the result back.
 *
 * Speed matters (tens of megabytes per scan): the tree is walked once with a TreeCursor, reading only the node
 * type and offsets (every read is a call into WebAssembly); lines come from a newline table built in JS, and
 * leaf-ish nodes (string literals, identifiers) are read from the source text instead of being descended into.
 */


/** Longest source text kept on an expression node; messages only need to recognise it. */
const MAX_TEXT = 300;
/** Per-file state of the conversion. */
class Converter {
    text;
    lineOffset;
    lines;
    comments = [];
    constructor(text, 
    /** Added to every line: template strings of .tf.json files are parsed out of context. */
    lineOffset = 0) {
        this.text = text;
        this.lineOffset = lineOffset;
        this.lines = new LineIndex(text);
    }
    /** 1-based line of a UTF-16 offset (web-tree-sitter reports offsets of JS strings in UTF-16 units). */
    line(index) {
        return this.lines.line(index) + this.lineOffset;
    }
    span(start, end) {
        return { startLine: this.line(start), endLine: this.line(end > start ? end - 1 : start) };
    }
    src(start, end) {
        return end - start > MAX_TEXT
            ? this.text.slice(start, start + MAX_TEXT) + '…'
            : this.text.slice(start, end);
    }
    comment(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        this.comments.push({ text: this.text.slice(start, end), ...this.span(start, end) });
    }
    // ---- structure ----
    /** Cursor on a `body` node. */
    body(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        const attributes = [];
        const blocks = [];
        if (c.gotoFirstChild()) {
            do {
                const t = c.nodeType;
                if (t === 'attribute')
                    attributes.push(this.attribute(c));
                else if (t === 'block')
                    blocks.push(this.block(c));
                else if (t === 'comment')
                    this.comment(c);
                else if (t === 'ERROR')
                    this.brokenTail(attributes, c);
            } while (c.gotoNextSibling());
            c.gotoParent();
        }
        return { attributes, blocks, ...this.span(start, end) };
    }
    /**
     * `x = foo(` parses as `x = foo` followed by an ERROR node: the value there is not what the person meant,
     * so an attribute ending on the line where the error starts is marked invalid rather than evaluated.
     */
    brokenTail(attributes, c) {
        const last = attributes[attributes.length - 1];
        if (last && last.endLine === this.line(c.startIndex)) {
            last.expr = {
                type: 'invalid',
                text: this.src(c.startIndex, c.endIndex),
                startLine: last.startLine,
                endLine: last.endLine,
            };
        }
        this.collectComments(c);
    }
    /** Comments inside an ERROR subtree are still comments (suppressions must not vanish). */
    collectComments(c) {
        if (!c.gotoFirstChild())
            return;
        do {
            if (c.nodeType === 'comment')
                this.comment(c);
            else
                this.collectComments(c);
        } while (c.gotoNextSibling());
        c.gotoParent();
    }
    attribute(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        const sp = this.span(start, end);
        // Fast path (most attributes): the name is the identifier the node starts with, and the expression is
        // the last child. This saves several calls into WebAssembly per attribute.
        IDENT.lastIndex = start;
        const m = IDENT.exec(this.text);
        if (m && c.gotoLastChild()) {
            if (c.nodeType === 'expression') {
                const expr = this.expression(c);
                c.gotoParent();
                return { name: m[0], expr, ...sp };
            }
            c.gotoParent();
        }
        let name = '';
        let expr;
        c.gotoFirstChild();
        do {
            const t = c.nodeType;
            if (t === 'identifier')
                name = this.text.slice(c.startIndex, c.endIndex);
            else if (t === 'expression')
                expr = this.expression(c);
            else if (t === 'comment')
                this.comment(c);
        } while (c.gotoNextSibling());
        c.gotoParent();
        return { name, expr: expr ?? { type: 'invalid', text: this.src(start, end), ...sp }, ...sp };
    }
    block(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        let type;
        const labels = [];
        let body;
        c.gotoFirstChild();
        do {
            const t = c.nodeType;
            if (t === 'identifier') {
                const id = this.text.slice(c.startIndex, c.endIndex);
                if (type === undefined)
                    type = id;
                else
                    labels.push(id);
            }
            else if (t === 'string_lit') {
                labels.push(unescapeQuoted(this.text.slice(c.startIndex + 1, c.endIndex - 1)));
            }
            else if (t === 'body')
                body = this.body(c);
            else if (t === 'comment')
                this.comment(c);
            else if (t === 'ERROR' && body)
                this.brokenTail(body.attributes, c);
        } while (c.gotoNextSibling());
        c.gotoParent();
        const sp = this.span(start, end);
        return {
            type: type ?? '',
            labels,
            body: body ?? { attributes: [], blocks: [], startLine: sp.startLine, endLine: sp.endLine },
            ...sp,
        };
    }
    // ---- expressions ----
    invalid(start, end) {
        return { type: 'invalid', text: this.src(start, end), ...this.span(start, end) };
    }
    /** Cursor on an `expression` node. */
    expression(c) {
        if (!c.gotoFirstChild())
            return this.invalid(c.startIndex, c.endIndex);
        const e = this.termSequence(c, undefined);
        c.gotoParent();
        return e ?? this.invalid(c.startIndex, c.endIndex);
    }
    /**
     * The grammar hides `_expr_term`, so a term and its traversal steps (`a.b[0]`), a parenthesised
     * expression, and both operands of an operation appear as flat sibling lists. This reads siblings from
     * the cursor's position up to `stopAt` (an operator token, for the left operand) and folds them into one
     * expression. Leaves the cursor on the last sibling it read.
     */
    termSequence(c, stopAt) {
        let head;
        let steps;
        let headStart = 0;
        let lastEnd = 0;
        do {
            const t = c.nodeType;
            if (stopAt?.has(t)) {
                c.gotoPreviousSibling();
                break;
            }
            if (t === 'comment')
                this.comment(c);
            else if (t === 'get_attr' || t === 'index' || t === 'splat') {
                if (!head)
                    return undefined;
                steps ??= [];
                steps.push(this.step(c, t));
                lastEnd = c.endIndex;
            }
            else if (t === '(') {
                headStart = c.startIndex;
                c.gotoNextSibling();
                const inner = c.nodeType === 'expression' ? this.expression(c) : undefined;
                c.gotoNextSibling(); // ')'
                const pEnd = c.endIndex;
                if (!inner)
                    return undefined;
                head = { type: 'paren', expr: inner, text: this.src(headStart, pEnd), ...this.span(headStart, pEnd) };
            }
            else if (t === 'ERROR')
                return undefined;
            else if (TERMS.has(t)) {
                headStart = c.startIndex;
                head = this.term(c, t);
            }
        } while (c.gotoNextSibling());
        if (head && steps) {
            head = {
                type: 'traversal',
                target: head,
                steps,
                text: this.src(headStart, lastEnd),
                ...this.span(headStart, lastEnd),
            };
        }
        return head;
    }
    step(c, t) {
        if (t === 'get_attr') {
            c.gotoFirstChild();
            c.gotoNextSibling(); // '.' -> identifier
            const name = this.text.slice(c.startIndex, c.endIndex);
            c.gotoParent();
            return { kind: 'attr', name };
        }
        if (t === 'index') {
            c.gotoFirstChild();
            let step;
            if (c.nodeType === 'legacy_index') {
                const n = Number(this.text.slice(c.startIndex + 1, c.endIndex));
                step = { kind: 'index', key: { type: 'literal', value: n, ...this.span(c.startIndex, c.endIndex) } };
            }
            else {
                const s = c.startIndex;
                const e = c.endIndex;
                let key;
                if (c.gotoFirstChild()) {
                    do
                        if (c.nodeType === 'expression')
                            key = this.expression(c);
                    while (c.gotoNextSibling());
                    c.gotoParent();
                }
                step = { kind: 'index', key: key ?? this.invalid(s, e) };
            }
            c.gotoParent();
            return step;
        }
        // splat > attr_splat|full_splat > ('.*'|'[*]') (get_attr|index)*
        c.gotoFirstChild();
        const steps = [];
        if (c.gotoFirstChild()) {
            while (c.gotoNextSibling()) {
                const tt = c.nodeType;
                if (tt === 'get_attr' || tt === 'index')
                    steps.push(this.step(c, tt));
            }
            c.gotoParent();
        }
        c.gotoParent();
        return { kind: 'splat', steps };
    }
    /** A named term node: literal, template, collection, variable, call, for, operation, conditional. */
    term(c, t) {
        switch (t) {
            case 'collection_object':
                return this.object(c);
            case 'literal_value': {
                const start = c.startIndex;
                const end = c.endIndex;
                const sp = this.span(start, end);
                // The kind of literal shows in its text; no need to descend (every step is a WebAssembly call).
                const lit = this.text.slice(start, end);
                if (lit.charCodeAt(0) === 34 /* " */)
                    return { type: 'literal', value: unescapeQuoted(lit.slice(1, -1)), ...sp };
                if (lit === 'true' || lit === 'false')
                    return { type: 'literal', value: lit === 'true', ...sp };
                if (lit === 'null')
                    return { type: 'literal', value: null, ...sp };
                return { type: 'literal', value: Number(lit), ...sp };
            }
            case 'template_expr': {
                c.gotoFirstChild();
                const e = c.nodeType === 'heredoc_template' ? this.heredoc(c) : this.quotedTemplate(c);
                c.gotoParent();
                return e;
            }
            case 'variable_expr': {
                const start = c.startIndex;
                const end = c.endIndex;
                return {
                    type: 'variable',
                    name: this.text.slice(start, end),
                    text: this.src(start, end),
                    ...this.span(start, end),
                };
            }
            case 'collection_value': {
                c.gotoFirstChild();
                const e = c.nodeType === 'tuple' ? this.tuple(c) : this.object(c);
                c.gotoParent();
                return e;
            }
            case 'function_call':
                return this.call(c);
            case 'for_expr': {
                c.gotoFirstChild();
                const e = this.forExpr(c);
                c.gotoParent();
                return e;
            }
            case 'operation': {
                c.gotoFirstChild();
                const e = c.nodeType === 'unary_operation' ? this.unary(c) : this.binary(c);
                c.gotoParent();
                return e;
            }
            case 'conditional':
                return this.conditional(c);
            case 'expression':
                return this.expression(c);
            default:
                return this.invalid(c.startIndex, c.endIndex);
        }
    }
    tuple(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        const items = [];
        if (c.gotoFirstChild()) {
            do {
                const t = c.nodeType;
                if (t === 'expression')
                    items.push(this.expression(c));
                else if (t === 'comment')
                    this.comment(c);
            } while (c.gotoNextSibling());
            c.gotoParent();
        }
        return { type: 'tuple', items, text: this.src(start, end), ...this.span(start, end) };
    }
    object(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        const items = [];
        if (c.gotoFirstChild()) {
            do {
                const t = c.nodeType;
                if (t === 'object_elem') {
                    let key;
                    let value;
                    c.gotoFirstChild();
                    do {
                        const tt = c.nodeType;
                        if (tt === 'expression') {
                            const e = this.expression(c);
                            if (key === undefined)
                                key = e;
                            else
                                value = e;
                        }
                        else if (tt === 'comment')
                            this.comment(c);
                    } while (c.gotoNextSibling());
                    c.gotoParent();
                    if (key && value) {
                        // A bare identifier key is the name itself, not a variable reference (HCL object syntax).
                        if (key.type === 'variable')
                            key = { type: 'literal', value: key.name, startLine: key.startLine, endLine: key.endLine };
                        items.push({ key, value });
                    }
                }
                else if (t === 'comment')
                    this.comment(c);
            } while (c.gotoNextSibling());
            c.gotoParent();
        }
        return { type: 'object', items, text: this.src(start, end), ...this.span(start, end) };
    }
    call(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        let name = '';
        const args = [];
        let expandFinal = false;
        c.gotoFirstChild();
        do {
            const t = c.nodeType;
            if (t === 'identifier')
                name = this.text.slice(c.startIndex, c.endIndex);
            else if (t === 'function_arguments') {
                c.gotoFirstChild();
                do {
                    const tt = c.nodeType;
                    if (tt === 'expression')
                        args.push(this.expression(c));
                    else if (tt === 'ellipsis')
                        expandFinal = true;
                    else if (tt === 'comment')
                        this.comment(c);
                } while (c.gotoNextSibling());
                c.gotoParent();
            }
            else if (t === 'comment')
                this.comment(c);
        } while (c.gotoNextSibling());
        c.gotoParent();
        return { type: 'call', name, args, expandFinal, text: this.src(start, end), ...this.span(start, end) };
    }
    /** Cursor on for_tuple_expr / for_object_expr. */
    forExpr(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        const result = c.nodeType === 'for_tuple_expr' ? 'tuple' : 'object';
        const vars = [];
        let coll;
        const exprs = [];
        let group = false;
        let cond;
        c.gotoFirstChild();
        do {
            const t = c.nodeType;
            if (t === 'for_intro') {
                c.gotoFirstChild();
                do {
                    const tt = c.nodeType;
                    if (tt === 'identifier')
                        vars.push(this.text.slice(c.startIndex, c.endIndex));
                    else if (tt === 'expression')
                        coll = this.expression(c);
                } while (c.gotoNextSibling());
                c.gotoParent();
            }
            else if (t === 'expression')
                exprs.push(this.expression(c));
            else if (t === 'ellipsis')
                group = true;
            else if (t === 'for_cond') {
                c.gotoFirstChild();
                do
                    if (c.nodeType === 'expression')
                        cond = this.expression(c);
                while (c.gotoNextSibling());
                c.gotoParent();
            }
            else if (t === 'comment')
                this.comment(c);
        } while (c.gotoNextSibling());
        c.gotoParent();
        const sp = this.span(start, end);
        const text = this.src(start, end);
        if (!coll || vars.length === 0 || exprs.length < (result === 'tuple' ? 1 : 2))
            return { type: 'invalid', text, ...sp };
        const keyVar = vars.length > 1 ? vars[0] : undefined;
        const valueVar = vars[vars.length - 1];
        return result === 'tuple'
            ? { type: 'for', result, keyVar, valueVar, coll, value: exprs[0], group, cond, text, ...sp }
            : {
                type: 'for',
                result,
                keyVar,
                valueVar,
                coll,
                key: exprs[0],
                value: exprs[1],
                group,
                cond,
                text,
                ...sp,
            };
    }
    unary(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        c.gotoFirstChild();
        const op = c.nodeType === '!' ? '!' : '-';
        c.gotoNextSibling();
        const operand = this.termSequence(c, undefined);
        c.gotoParent();
        const sp = this.span(start, end);
        const text = this.src(start, end);
        return operand ? { type: 'unary', op, operand, text, ...sp } : { type: 'invalid', text, ...sp };
    }
    binary(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        c.gotoFirstChild();
        const left = this.termSequence(c, OPERATORS);
        c.gotoNextSibling();
        const op = c.nodeType;
        let right;
        if (c.gotoNextSibling())
            right = this.termSequence(c, undefined);
        c.gotoParent();
        const sp = this.span(start, end);
        const text = this.src(start, end);
        return left && right && OPERATORS.has(op)
            ? { type: 'binary', op, left, right, text, ...sp }
            : { type: 'invalid', text, ...sp };
    }
    conditional(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        const parts = [];
        c.gotoFirstChild();
        do
            if (c.nodeType === 'expression')
                parts.push(this.expression(c));
        while (c.gotoNextSibling());
        c.gotoParent();
        const sp = this.span(start, end);
        const text = this.src(start, end);
        return parts.length === 3
            ? { type: 'conditional', cond: parts[0], then: parts[1], else: parts[2], text, ...sp }
            : { type: 'invalid', text, ...sp };
    }
    // ---- templates ----
    /** Cursor on quoted_template. */
    quotedTemplate(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        c.gotoFirstChild(); // quoted_template_start
        const contentStart = c.endIndex;
        const parts = this.templateParts(c, contentStart, 'quoted_template_end', false, -1);
        c.gotoParent();
        return { type: 'template', parts, text: this.src(start, end), ...this.span(start, end) };
    }
    /** Cursor on heredoc_template. */
    heredoc(c) {
        const start = c.startIndex;
        const end = c.endIndex;
        c.gotoFirstChild(); // heredoc_start
        const flush = this.text.slice(c.startIndex, c.endIndex) === '<<-';
        c.gotoNextSibling(); // heredoc_identifier
        const nl = this.text.indexOf('\n', c.endIndex);
        const contentStart = nl === -1 ? c.endIndex : nl + 1;
        // The closing identifier ends the node; its line does not belong to the content.
        const closeLineStart = this.text.lastIndexOf('\n', end - 1) + 1;
        let indent = -1;
        if (flush) {
            // `<<-` removes the smallest indentation of the non-blank content lines.
            indent = Infinity;
            for (const l of this.text.slice(contentStart, Math.max(contentStart, closeLineStart)).split('\n')) {
                if (l.trim() === '')
                    continue;
                indent = Math.min(indent, l.length - l.trimStart().length);
            }
            if (indent === Infinity)
                indent = 0;
        }
        const parts = this.templateParts(c, contentStart, 'heredoc_identifier', true, indent, closeLineStart);
        c.gotoParent();
        return { type: 'template', parts, text: this.src(start, end), ...this.span(start, end) };
    }
    /**
     * Reads template parts from the cursor's next sibling on, until a sibling of type `endType` (or, for
     * directive bodies, a directive marker). Literal text is taken from the source between structural parts
     * (tree-sitter's template_literal nodes leave whitespace out).
     */
    templateParts(c, pos, endType, heredoc, indent, endAt) {
        const out = [];
        const flushLiteral = (to) => {
            if (to > pos) {
                const raw = this.text.slice(pos, to);
                const value = heredoc ? this.heredocLiteral(raw, pos, indent) : unescapeQuoted(raw);
                if (value !== '') {
                    const prev = out[out.length - 1];
                    if (prev && prev.kind === 'literal')
                        prev.value += value;
                    else
                        out.push({ kind: 'literal', value });
                }
            }
        };
        let pendingTrimStart = false;
        const pushLiteralFrom = (to) => {
            const before = out.length;
            const prevLen = out[before - 1]?.kind === 'literal' ? out[before - 1].value.length : -1;
            flushLiteral(to);
            if (pendingTrimStart) {
                const last = out[out.length - 1];
                if (last && last.kind === 'literal' && (out.length > before || prevLen >= 0)) {
                    // Only trim the text that was just added.
                    const added = prevLen >= 0 && out.length === before ? last.value.slice(prevLen) : last.value;
                    const kept = prevLen >= 0 && out.length === before ? last.value.slice(0, prevLen) : '';
                    last.value = kept + added.trimStart();
                    if (last.value === '')
                        out.pop();
                }
                pendingTrimStart = false;
            }
        };
        const trimEnd = () => {
            const last = out[out.length - 1];
            if (last && last.kind === 'literal') {
                last.value = last.value.trimEnd();
                if (last.value === '')
                    out.pop();
            }
        };
        while (c.gotoNextSibling()) {
            const t = c.nodeType;
            if (t === endType) {
                pushLiteralFrom(endAt ?? c.startIndex);
                return out;
            }
            if (t === 'template_literal' || t === 'comment')
                continue;
            const s = c.startIndex;
            const e = c.endIndex;
            if (t === 'template_interpolation') {
                pushLiteralFrom(s);
                let expr;
                let stripLeft = false;
                let stripRight = false;
                c.gotoFirstChild();
                do {
                    const tt = c.nodeType;
                    if (tt === 'expression')
                        expr = this.expression(c);
                    else if (tt === 'strip_marker') {
                        if (expr)
                            stripRight = true;
                        else
                            stripLeft = true;
                    }
                } while (c.gotoNextSibling());
                c.gotoParent();
                if (stripLeft)
                    trimEnd();
                out.push({ kind: 'interp', expr: expr ?? this.invalid(s, e) });
                pendingTrimStart = stripRight;
                pos = e;
            }
            else if (t === 'template_directive') {
                pushLiteralFrom(s);
                c.gotoFirstChild();
                const d = c.nodeType === 'template_if'
                    ? this.templateIf(c, heredoc, indent)
                    : this.templateFor(c, heredoc, indent);
                c.gotoParent();
                if (d.stripBefore)
                    trimEnd();
                out.push(d.part);
                pendingTrimStart = d.stripAfter;
                pos = e;
            }
            else if (t === 'ERROR') {
                pushLiteralFrom(s);
                out.push({ kind: 'interp', expr: this.invalid(s, e) });
                pos = e;
            }
        }
        pushLiteralFrom(endAt ?? pos);
        return out;
    }
    /** Reads `%{ if c }` / `%{ else }` / `%{ endif }` markers: the condition and the `~` strip flags. */
    directiveMarker(c) {
        const vars = [];
        let expr;
        let stripLeft = false;
        let stripRight = false;
        let seenKeyword = false;
        c.gotoFirstChild();
        do {
            const t = c.nodeType;
            if (t === 'strip_marker') {
                if (seenKeyword)
                    stripRight = true;
                else
                    stripLeft = true;
            }
            else if (t === 'identifier')
                vars.push(this.text.slice(c.startIndex, c.endIndex));
            else if (t === 'expression')
                expr = this.expression(c);
            else if (t !== 'template_directive_start' && t !== 'template_directive_end')
                seenKeyword = true;
        } while (c.gotoNextSibling());
        c.gotoParent();
        return { expr, vars, stripLeft, stripRight };
    }
    /** Reads the parts of a directive body: siblings until the next directive marker node. */
    directiveBody(c, heredoc, indent, stopTypes) {
        // Re-use templateParts by treating the marker types as end markers: peek ahead manually.
        const out = [];
        let pos = c.endIndex;
        const pushLit = (to) => {
            if (to <= pos)
                return;
            const raw = this.text.slice(pos, to);
            const value = heredoc ? this.heredocLiteral(raw, pos, indent) : unescapeQuoted(raw);
            if (value === '')
                return;
            const prev = out[out.length - 1];
            if (prev && prev.kind === 'literal')
                prev.value += value;
            else
                out.push({ kind: 'literal', value });
        };
        while (c.gotoNextSibling()) {
            const t = c.nodeType;
            if (stopTypes.has(t)) {
                pushLit(c.startIndex);
                c.gotoPreviousSibling();
                return out;
            }
            if (t === 'template_literal' || t === 'comment')
                continue;
            const s = c.startIndex;
            const e = c.endIndex;
            pushLit(s);
            if (t === 'template_interpolation') {
                let expr;
                c.gotoFirstChild();
                do
                    if (c.nodeType === 'expression')
                        expr = this.expression(c);
                while (c.gotoNextSibling());
                c.gotoParent();
                out.push({ kind: 'interp', expr: expr ?? this.invalid(s, e) });
            }
            else if (t === 'template_directive') {
                c.gotoFirstChild();
                const d = c.nodeType === 'template_if'
                    ? this.templateIf(c, heredoc, indent)
                    : this.templateFor(c, heredoc, indent);
                c.gotoParent();
                out.push(d.part);
            }
            pos = e;
        }
        return out;
    }
    templateIf(c, heredoc, indent) {
        const start = c.startIndex;
        const end = c.endIndex;
        c.gotoFirstChild(); // template_if_intro
        const intro = this.directiveMarker(c);
        const thenParts = this.directiveBody(c, heredoc, indent, IF_STOPS);
        let elseParts = [];
        let stripAfter = false;
        while (c.gotoNextSibling()) {
            const t = c.nodeType;
            if (t === 'template_else_intro') {
                const m = this.directiveMarker(c);
                if (m.stripLeft)
                    trimLastLiteral(thenParts);
                elseParts = this.directiveBody(c, heredoc, indent, IF_STOPS);
                if (m.stripRight)
                    trimFirstLiteral(elseParts);
            }
            else if (t === 'template_if_end') {
                const m = this.directiveMarker(c);
                if (m.stripLeft)
                    trimLastLiteral(elseParts.length ? elseParts : thenParts);
                stripAfter = m.stripRight;
            }
        }
        c.gotoParent();
        if (intro.stripRight)
            trimFirstLiteral(thenParts);
        return {
            part: { kind: 'if', cond: intro.expr ?? this.invalid(start, end), then: thenParts, else: elseParts },
            stripBefore: intro.stripLeft,
            stripAfter,
        };
    }
    templateFor(c, heredoc, indent) {
        const start = c.startIndex;
        const end = c.endIndex;
        c.gotoFirstChild(); // template_for_start
        const intro = this.directiveMarker(c);
        const body = this.directiveBody(c, heredoc, indent, FOR_STOPS);
        let stripAfter = false;
        while (c.gotoNextSibling()) {
            if (c.nodeType === 'template_for_end') {
                const m = this.directiveMarker(c);
                if (m.stripLeft)
                    trimLastLiteral(body);
                stripAfter = m.stripRight;
            }
        }
        c.gotoParent();
        if (intro.stripRight)
            trimFirstLiteral(body);
        const valueVar = intro.vars[intro.vars.length - 1] ?? '';
        const keyVar = intro.vars.length > 1 ? intro.vars[0] : undefined;
        return {
            part: { kind: 'for', keyVar, valueVar, coll: intro.expr ?? this.invalid(start, end), body },
            stripBefore: intro.stripLeft,
            stripAfter,
        };
    }
    /** Heredoc literal text: `$${`/`%%{` escapes, and for `<<-` the common indentation removed at line starts. */
    heredocLiteral(raw, at, indent) {
        let s = raw;
        if (indent > 0) {
            const atLineStart = at === 0 || this.text.charCodeAt(at - 1) === 10;
            const lines = s.split('\n');
            for (let i = 0; i < lines.length; i++) {
                if (i === 0 && !atLineStart)
                    continue;
                let n = 0;
                const l = lines[i];
                while (n < indent && n < l.length && (l[n] === ' ' || l[n] === '\t'))
                    n++;
                lines[i] = l.slice(n);
            }
            s = lines.join('\n');
        }
        return s.includes('$${') || s.includes('%%{') ? s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : s;
    }
}
/** Identifier at the start of an attribute (HCL identifiers also allow `-`, and `::` in function names). */
const IDENT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
/** Node types that start an expression term. */
const TERMS = new Set([
    'literal_value',
    'template_expr',
    'collection_value',
    'variable_expr',
    'function_call',
    'for_expr',
    'operation',
    'conditional',
    'expression',
]);
const OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
const IF_STOPS = new Set(['template_else_intro', 'template_if_end']);
const FOR_STOPS = new Set(['template_for_end']);
function trimLastLiteral(parts) {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'literal') {
        last.value = last.value.trimEnd();
        if (last.value === '')
            parts.pop();
    }
}
function trimFirstLiteral(parts) {
    const first = parts[0];
    if (first && first.kind === 'literal') {
        first.value = first.value.trimStart();
        if (first.value === '')
            parts.shift();
    }
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
/** The value of quoted-string source text: backslash escapes and the `$${` / `%%{` template escapes. */
function unescapeQuoted(raw) {
    if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{'))
        return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch === '\\' && i + 1 < raw.length) {
            const n = raw[i + 1];
            if (n === 'u' || n === 'U') {
                const len = n === 'u' ? 4 : 8;
                const hex = raw.slice(i + 2, i + 2 + len);
                if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
                    out += String.fromCodePoint(parseInt(hex, 16));
                    i += 1 + len;
                    continue;
                }
            }
            out += ESCAPES[n] ?? '\\' + n;
            i++;
        }
        else if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
            out += ch + '{';
            i += 2;
        }
        else
            out += ch;
    }
    return out;
}
/** Syntax errors: ERROR and MISSING nodes, outermost only, with the line where the source breaks. */
function syntaxErrors(root, path, conv) {
    const errors = [];
    const visit = (n) => {
        if (n.isMissing) {
            const line = conv.line(n.startIndex);
            errors.push({
                message: `missing \`${n.type}\``,
                origin: { file: path, startLine: line, endLine: line },
            });
            return;
        }
        if (n.type === 'ERROR') {
            const sp = conv.span(n.startIndex, n.endIndex);
            const txt = conv.text.slice(n.startIndex, n.endIndex).split('\n')[0].trim().slice(0, 60);
            errors.push({
                message: txt ? `unexpected \`${txt}\`` : 'unexpected end of input',
                origin: { file: path, startLine: sp.startLine, endLine: sp.startLine },
            });
            return;
        }
        if (!n.hasError)
            return;
        for (const ch of n.children)
            if (ch)
                visit(ch);
    };
    visit(root);
    return errors;
}
/** Leading comments of top-level blocks: the comment lines right above the block, without a blank line. */
function attachLeadingComments(body, comments) {
    if (comments.length === 0)
        return;
    const byEndLine = new Map();
    for (const cm of comments)
        byEndLine.set(cm.endLine, cm);
    for (const b of body.blocks) {
        const lead = [];
        let line = b.startLine - 1;
        for (let cm = byEndLine.get(line); cm && cm.startLine <= line; cm = byEndLine.get(line)) {
            lead.unshift(cm.text);
            line = cm.startLine - 1;
        }
        if (lead.length)
            b.comments = lead;
    }
}
function emptyBody() {
    return { attributes: [], blocks: [], startLine: 1, endLine: 1 };
}
/**
 * Parses a .tf or .tfvars file. Never throws on bad input: syntax errors are collected and the rest of the
 * file still yields attributes and blocks.
 */
function parseHcl(parser, path, text) {
    const tree = parser.parse(text);
    if (!tree) {
        return {
            path,
            body: emptyBody(),
            errors: [{ message: 'could not parse', origin: { file: path, startLine: 1, endLine: 1 } }],
        };
    }
    try {
        const conv = new Converter(text);
        const root = tree.rootNode;
        let body = emptyBody();
        const c = root.walk();
        try {
            if (c.gotoFirstChild()) {
                do {
                    const t = c.nodeType;
                    if (t === 'body')
                        body = conv.body(c);
                    else if (t === 'comment')
                        conv.comment(c);
                    else if (t === 'object') {
                        // The grammar accepts a JSON-looking top-level object (a .tfvars written as JSON).
                        const o = conv.term(c, 'collection_object');
                        if (o.type === 'object') {
                            for (const it of o.items) {
                                if (it.key.type === 'literal' && typeof it.key.value === 'string') {
                                    body.attributes.push({
                                        name: it.key.value,
                                        expr: it.value,
                                        startLine: it.key.startLine,
                                        endLine: it.value.endLine,
                                    });
                                }
                            }
                        }
                    }
                } while (c.gotoNextSibling());
            }
        }
        finally {
            c.delete();
        }
        const errors = root.hasError ? syntaxErrors(root, path, conv) : [];
        conv.comments.sort((a, b) => a.startLine - b.startLine);
        attachLeadingComments(body, conv.comments);
        return { path, body, errors, comments: conv.comments };
    }
    finally {
        tree.delete();
    }
}
// ---------------------------------------------------------------------------------------------------------
// JSON syntax (.tf.json, .tfvars.json)
// ---------------------------------------------------------------------------------------------------------
/** Labels each top-level block type takes in Terraform's JSON syntax. */
const JSON_LABELS = {
    resource: 2,
    data: 2,
    module: 1,
    variable: 1,
    output: 1,
    provider: 1,
    locals: 0,
    terraform: 0,
    moved: 0,
    import: 0,
    check: 1,
    removed: 0,
};
/**
 * Without provider schemas, a JSON property holding an object cannot be told apart as a nested block or a
 * map argument. These names are nested blocks (Terraform meta blocks and the azurerm network blocks the
 * adapters read); every other object is an argument. An array of objects looks the same either way.
 */
const JSON_NESTED_BLOCKS = new Set([
    'lifecycle',
    'provisioner',
    'connection',
    'timeouts',
    'route',
    'ip_configuration',
    'management_ip_configuration',
    'subnet',
    'delegation',
    'service_delegation',
    'security_rule',
    'virtual_hub',
    'dns',
    'ddos_protection_plan',
    'encryption',
    'identity',
    'rule',
    'rule_collection',
    'application_rule_collection',
    'network_rule_collection',
    'nat_rule_collection',
    'routing',
    'propagated_route_table',
    'static_vnet_route',
    'bgp_settings',
    'vpn_client_configuration',
    'ip_configurations',
    'content',
]);
/**
 * Parses a .tf.json or .tfvars.json file (Terraform's JSON configuration syntax), keeping line numbers.
 *
 * Strings in .tf.json are templates. Those holding `${` or `%{` are parsed with the HCL tree-sitter grammar
 * when `parser` is given: the decoded string is wrapped in a heredoc (`x = <<MARK\n...\nMARK`), because a
 * heredoc takes its content verbatim, exactly like a decoded JSON string, so no re-escaping is needed. Without
 * a parser such strings stay `invalid` expressions (and evaluate to unknown), so callers should pass one.
 */
function parseTfJson(path, text, parser) {
    const conv = new Converter(text);
    const errors = [];
    const parseErrors = [];
    const root = main.parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false });
    for (const e of parseErrors) {
        const line = conv.line(e.offset);
        errors.push({
            message: `JSON: ${main.printParseErrorCode(e.error)}`,
            origin: { file: path, startLine: line, endLine: line },
        });
    }
    const ctx = { path, conv, parser, errors, literal: /\.tfvars\.json$/i.test(path) };
    if (!root || root.type !== 'object') {
        if (root)
            errors.push({
                message: 'JSON: the top level must be an object',
                origin: { file: path, ...conv.span(root.offset, root.offset + root.length) },
            });
        return { path, body: emptyBody(), errors };
    }
    const sp = conv.span(root.offset, root.offset + root.length);
    const body = { attributes: [], blocks: [], ...sp };
    for (const prop of root.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v)
            continue;
        const name = String(k.value);
        const psp = conv.span(prop.offset, prop.offset + prop.length);
        if (name === '//')
            continue;
        if (ctx.literal) {
            body.attributes.push({ name, expr: jsonExpr(ctx, v, 'literal'), ...psp });
            continue;
        }
        const labels = JSON_LABELS[name];
        if (labels === undefined) {
            body.attributes.push({ name, expr: jsonExpr(ctx, v, 'template'), ...psp });
            continue;
        }
        jsonBlocks(ctx, name, [], labels, v, body.blocks);
    }
    return { path, body, errors };
}
/** Expands `{"label": {"label2": {...body}}}` (or arrays of such) into blocks. */
function jsonBlocks(ctx, type, labels, remaining, node, out) {
    if (node.type === 'array') {
        for (const item of node.children ?? [])
            jsonBlocks(ctx, type, labels, remaining, item, out);
        return;
    }
    if (node.type !== 'object') {
        const sp = ctx.conv.span(node.offset, node.offset + node.length);
        ctx.errors.push({
            message: `JSON: a \`${type}\` block must be an object`,
            origin: { file: ctx.path, ...sp },
        });
        return;
    }
    if (remaining > 0) {
        for (const prop of node.children ?? []) {
            const [k, v] = prop.children ?? [];
            if (!k || !v || k.value === '//')
                continue;
            jsonBlocks(ctx, type, [...labels, String(k.value)], remaining - 1, v, out);
        }
        return;
    }
    const sp = ctx.conv.span(node.offset, node.offset + node.length);
    out.push({ type, labels, body: jsonBody(ctx, type, node), ...sp });
}
/** Body of a block in JSON syntax. `variable` defaults and `type` are literal, not templates. */
function jsonBody(ctx, blockType, node) {
    const body = {
        attributes: [],
        blocks: [],
        ...ctx.conv.span(node.offset, node.offset + node.length),
    };
    for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v)
            continue;
        const name = String(k.value);
        if (name === '//')
            continue;
        const psp = ctx.conv.span(prop.offset, prop.offset + prop.length);
        if (name === 'dynamic' && v.type === 'object') {
            // "dynamic": {"route": {"for_each": ..., "content": {...}}}
            for (const dp of v.children ?? []) {
                const [dk, dv] = dp.children ?? [];
                if (!dk || !dv)
                    continue;
                for (const item of dv.type === 'array' ? (dv.children ?? []) : [dv]) {
                    if (item.type !== 'object')
                        continue;
                    const isp = ctx.conv.span(item.offset, item.offset + item.length);
                    body.blocks.push({
                        type: 'dynamic',
                        labels: [String(dk.value)],
                        body: jsonBody(ctx, 'dynamic', item),
                        ...isp,
                    });
                }
            }
            continue;
        }
        const isBlockish = JSON_NESTED_BLOCKS.has(name) &&
            (v.type === 'object' || (v.type === 'array' && (v.children ?? []).every((ch) => ch.type === 'object')));
        if (isBlockish && !(blockType === 'variable' || blockType === 'locals')) {
            for (const item of v.type === 'array' ? (v.children ?? []) : [v]) {
                const isp = ctx.conv.span(item.offset, item.offset + item.length);
                body.blocks.push({ type: name, labels: [], body: jsonBody(ctx, name, item), ...isp });
            }
            continue;
        }
        const mode = blockType === 'variable' && (name === 'default' || name === 'type') ? 'literal' : 'template';
        const expr = blockType === 'variable' && name === 'type' && v.type === 'string'
            ? { type: 'literal', value: String(v.value), ...psp }
            : jsonExpr(ctx, v, mode);
        body.attributes.push({ name, expr, ...psp });
    }
    return body;
}
/** A JSON value as an expression; in `template` mode strings are HCL templates. */
function jsonExpr(ctx, node, mode) {
    const sp = ctx.conv.span(node.offset, node.offset + node.length);
    const text = ctx.conv.src(node.offset, node.offset + node.length);
    switch (node.type) {
        case 'string': {
            const s = String(node.value);
            if (mode === 'literal' || (!s.includes('${') && !s.includes('%{'))) {
                return {
                    type: 'literal',
                    value: mode === 'literal' ? s : s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'),
                    ...sp,
                };
            }
            return jsonTemplate(ctx, s, sp, text);
        }
        case 'number':
        case 'boolean':
        case 'null':
            return { type: 'literal', value: node.value, ...sp };
        case 'array':
            return { type: 'tuple', items: (node.children ?? []).map((ch) => jsonExpr(ctx, ch, mode)), text, ...sp };
        case 'object': {
            const items = [];
            for (const prop of node.children ?? []) {
                const [k, v] = prop.children ?? [];
                if (!k || !v || k.value === '//')
                    continue;
                const ksp = ctx.conv.span(k.offset, k.offset + k.length);
                items.push({
                    key: { type: 'literal', value: String(k.value), ...ksp },
                    value: jsonExpr(ctx, v, mode),
                });
            }
            return { type: 'object', items, text, ...sp };
        }
        default:
            return { type: 'invalid', text, ...sp };
    }
}
/** A JSON string holding `${...}`: parsed as a heredoc template by tree-sitter (see parseTfJson). */
function jsonTemplate(ctx, s, sp, text) {
    if (!ctx.parser)
        return { type: 'invalid', text, ...sp };
    let mark = 'EOT_KMS_GUARD';
    while (s.includes(mark))
        mark += '_';
    const snippet = `x = <<${mark}\n${s}\n${mark}\n`;
    // Lines of the snippet map onto the JSON string's line: snippet line 2 is the string's first line.
    const conv = new Converter(snippet, sp.startLine - 2);
    const tree = ctx.parser.parse(snippet);
    if (!tree)
        return { type: 'invalid', text, ...sp };
    try {
        if (tree.rootNode.hasError) {
            ctx.errors.push({ message: `invalid template ${text.slice(0, 80)}`, origin: { file: ctx.path, ...sp } });
            return { type: 'invalid', text, ...sp };
        }
        const c = tree.walk();
        try {
            c.gotoFirstChild(); // body
            const body = conv.body(c);
            const e = body.attributes[0]?.expr;
            if (!e || e.type !== 'template')
                return { type: 'invalid', text, ...sp };
            // The heredoc adds the newline before the closing marker; a JSON string has none.
            const last = e.parts[e.parts.length - 1];
            if (last && last.kind === 'literal') {
                last.value = last.value.slice(0, -1);
                if (last.value === '')
                    e.parts.pop();
            }
            return { ...e, text, startLine: sp.startLine, endLine: sp.endLine };
        }
        finally {
            c.delete();
        }
    }
    finally {
        tree.delete();
    }
}

;// CONCATENATED MODULE: ./src/sources/parse-pool.ts
/**
 * Reads and parses Terraform files, in worker threads (dist/parse-worker.js) when running from the bundle.
 *
 * Raw tree-sitter parsing is the slowest step of a scan, so the bundle spreads it over worker threads
 * that live for the whole scan; each worker reads, checks and parses whole files and sends back the
 * plain AST (tree-sitter trees cannot cross threads). Under jest there is no bundle to start a worker
 * from, so the same code runs on the calling thread.
 */







/** Parses one file on this thread. */
function parseOne(parser, job) {
    const read = readSource(job.path);
    if (!read.ok)
        return { path: job.path, kind: job.kind, ok: false, reason: read.reason };
    const json = job.kind === 'terraform-json' || job.kind === 'tfvars-json';
    try {
        const file = json ? parseTfJson(job.path, read.text, parser) : parseHcl(parser, job.path, read.text);
        return { path: job.path, kind: job.kind, ok: true, file, bytes: Buffer.byteLength(read.text) };
    }
    catch (e) {
        // A parser bug must cost one file, not the scan (nor a worker thread).
        return {
            path: job.path,
            kind: job.kind,
            ok: false,
            reason: `could not be parsed (${e.message})`,
        };
    }
}
/** The parse worker bundle beside this bundle (the build puts one next to each); none under jest. */
function workerScript() {
    if (typeof require !== 'function' || typeof __dirname !== 'string')
        return undefined;
    const script = path.join(__dirname, 'parse-worker.js');
    return fs.existsSync(script) ? script : undefined;
}
/** One worker thread, parsing one batch at a time. */
class ParseWorker {
    next;
    worker;
    current;
    constructor(script, next) {
        this.next = next;
        this.worker = new Worker(script, {
            // A worker only holds the file it is parsing; a small heap makes V8 collect early instead of
            // growing the process by hundreds of MB of garbage on a large scan.
            resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 },
        });
        this.worker.on('message', (results) => {
            this.current?.resolve(results);
            this.current = undefined;
            this.pull();
        });
        this.worker.on('error', (e) => {
            this.current?.reject(e);
            this.current = undefined;
        });
    }
    pull() {
        if (this.current)
            return;
        this.current = this.next();
        if (this.current)
            this.worker.postMessage(this.current.jobs);
    }
    close() {
        return this.worker.terminate();
    }
}
/**
 * Parses batches of files for the length of a scan. `parse` may be called again before an earlier call
 * has finished (the scan parses the next Terraform root module while it judges the last one).
 */
class ParsePool {
    workers = [];
    queue = [];
    parser;
    constructor(useWorkers = true) {
        const script = workerScript();
        const threads = Math.min(os.availableParallelism(), 4);
        if (useWorkers && script && threads >= 2) {
            for (let i = 0; i < threads; i++)
                this.workers.push(new ParseWorker(script, () => this.queue.shift()));
        }
    }
    async parse(jobs) {
        if (this.workers.length === 0) {
            this.parser ??= createParser('hcl');
            const parser = await this.parser;
            return jobs.map((job) => parseOne(parser, job));
        }
        // Small batches keep the workers even (a unit's files differ a lot in size); large units go in
        // batches of up to 16 files to keep the message count down.
        const size = Math.max(1, Math.min(16, Math.floor(jobs.length / (this.workers.length * 4))));
        const batches = [];
        for (let i = 0; i < jobs.length; i += size) {
            const slice = jobs.slice(i, i + size);
            batches.push(new Promise((resolve, reject) => this.queue.push({ jobs: slice, resolve, reject })));
        }
        for (const w of this.workers)
            w.pull();
        return (await Promise.all(batches)).flat();
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.close()));
        if (this.parser)
            (await this.parser).delete();
    }
}

;// CONCATENATED MODULE: ./src/sources/parse-worker.ts
/** The body of a parse worker thread: parse each batch of jobs it is sent and send the results back. */



async function runParseWorker() {
    const port = external_node_worker_threads_namespaceObject.parentPort;
    if (!port)
        throw new Error('runParseWorker must run in a worker thread');
    const parser = await tree_sitter_createParser('hcl');
    port.on('message', (jobs) => {
        port.postMessage(jobs.map((job) => parseOne(parser, job)));
    });
}

;// CONCATENATED MODULE: ./src/parse-worker-main.ts
/**
 * Entry point of the parse worker bundle (dist/parse-worker.js, dist/cli/parse-worker.js): a worker
 * loads only the parser, not the whole action with its Azure and GitHub clients (75 MB per worker).
 */

void runParseWorker();

})();

module.exports = __webpack_exports__;
/******/ })()
;