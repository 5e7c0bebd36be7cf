/* Skip logic in the browser: the same expression subset and semantics as monitor/expressions.py.
 *
 * Each question is a wrapper with data-question="name" and, when it has skip logic,
 * data-relevant="expression". Answers are read from the form's inputs; a question whose
 * condition is false is hidden (and its inputs disabled so they are not sent). The server checks
 * everything again, so the page works without this script.
 */
(function () {
  "use strict";

  var FUNCTIONS = { "selected": 2, "count-selected": 1, "not": 1, "string-length": 1, "true": 0, "false": 0 };
  var TOKEN = /^\s*(?:\$\{\s*([A-Za-z_][\w.\-]*)\s*\}|\.\.\/([A-Za-z_][\w.\-]*)|('[^']*'|"[^"]*")|(\d+(?:\.\d+)?)|(<=|>=|!=|=|<|>|\(|\)|,)|([A-Za-z_][\w\-]*)|(\.))/;

  function tokenize(text) {
    var tokens = [], rest = text.trim(), match;
    while (rest.length) {
      match = TOKEN.exec(rest);
      if (!match || !match[0].length) { throw new Error("onbekend teken: " + rest.slice(0, 12)); }
      rest = rest.slice(match[0].length).replace(/^\s+/, "");
      if (match[1] || match[2]) { tokens.push(["ref", match[1] || match[2]]); }
      else if (match[3] !== undefined) { tokens.push(["literal", match[3].slice(1, -1)]); }
      else if (match[4]) { tokens.push(["literal", match[4]]); }
      else if (match[5]) { tokens.push(["op", match[5]]); }
      else if (match[6]) { tokens.push(["word", match[6]]); }
      else { tokens.push(["current", "."]); }
    }
    return tokens;
  }

  function parse(text) {
    var tokens = tokenize(text), index = 0;
    function peek() { return tokens[index] || [null, null]; }
    function is(kind, value) { var t = peek(); return t[0] === kind && t[1] === value; }
    function take(kind, value) {
      var t = peek();
      if (t[0] === null || (kind && t[0] !== kind) || (value && t[1] !== value)) { throw new Error("verwacht " + (value || kind)); }
      index += 1;
      return t;
    }
    function orExpr() {
      var node = andExpr();
      while (is("word", "or")) { take(); node = { kind: "or", children: [node, andExpr()] }; }
      return node;
    }
    function andExpr() {
      var node = comparison();
      while (is("word", "and")) { take(); node = { kind: "and", children: [node, comparison()] }; }
      return node;
    }
    function comparison() {
      var node = primary(), t = peek();
      if (t[0] === "op" && ["=", "!=", "<", "<=", ">", ">="].indexOf(t[1]) >= 0) {
        take();
        node = { kind: "compare", value: t[1], children: [node, primary()] };
      }
      return node;
    }
    function primary() {
      var t = peek(), args = [], node;
      if (t[0] === "op" && t[1] === "(") { take(); node = orExpr(); take("op", ")"); return node; }
      if (t[0] === "ref") { take(); return { kind: "ref", value: t[1] }; }
      if (t[0] === "current") { take(); return { kind: "current" }; }
      if (t[0] === "literal") { take(); return { kind: "literal", value: t[1] }; }
      if (t[0] === "word" && Object.prototype.hasOwnProperty.call(FUNCTIONS, t[1])) {
        take();
        take("op", "(");
        if (!is("op", ")")) {
          args.push(orExpr());
          while (is("op", ",")) { take(); args.push(orExpr()); }
        }
        take("op", ")");
        if (args.length !== FUNCTIONS[t[1]]) { throw new Error(t[1] + "() argumenten"); }
        return { kind: "call", value: t[1], children: args };
      }
      throw new Error("onvolledige expressie");
    }
    var tree = orExpr();
    if (peek()[0] !== null) { throw new Error("onverwacht " + peek()[1]); }
    return tree;
  }

  function asText(value) {
    if (value === null || value === undefined) { return ""; }
    if (value === true) { return "true"; }
    if (value === false) { return ""; }
    if (Array.isArray(value)) { return value.join(" "); }
    return String(value);
  }
  function asNumber(value) {
    var text = asText(value).trim();
    if (text === "" || !/^-?\d+(\.\d+)?$/.test(text)) { return null; }
    return parseFloat(text);
  }
  function truthy(value) {
    if (typeof value === "boolean") { return value; }
    if (typeof value === "number") { return value !== 0; }
    return asText(value) !== "";
  }
  function compare(op, left, right) {
    var a = asNumber(left), b = asNumber(right);
    if (a === null || b === null) {
      if (op !== "=" && op !== "!=") { return false; }
      a = asText(left); b = asText(right);
    }
    switch (op) {
      case "=": return a === b;
      case "!=": return a !== b;
      case "<": return a < b;
      case "<=": return a <= b;
      case ">": return a > b;
      default: return a >= b;
    }
  }
  function evaluate(node, answers, current) {
    var args;
    switch (node.kind) {
      case "literal": return node.value;
      case "ref": return answers[node.value];
      case "current": return current;
      case "and": return truthy(evaluate(node.children[0], answers, current)) && truthy(evaluate(node.children[1], answers, current));
      case "or": return truthy(evaluate(node.children[0], answers, current)) || truthy(evaluate(node.children[1], answers, current));
      case "compare": return compare(node.value, evaluate(node.children[0], answers, current), evaluate(node.children[1], answers, current));
      default:
        args = node.children.map(function (child) { return evaluate(child, answers, current); });
        if (node.value === "selected") { return asText(args[0]).split(/\s+/).indexOf(asText(args[1])) >= 0; }
        if (node.value === "count-selected") { return asText(args[0]).split(/\s+/).filter(Boolean).length; }
        if (node.value === "not") { return !truthy(args[0]); }
        if (node.value === "string-length") { return asText(args[0]).length; }
        return node.value === "true";
    }
  }

  function check(expression, answers, current) {
    if (!expression || !expression.trim()) { return true; }
    return truthy(evaluate(parse(expression), answers, current));
  }

  function readAnswers(form) {
    var answers = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-question]"), function (wrapper) {
      var name = wrapper.getAttribute("data-question");
      var inputs = wrapper.querySelectorAll("input, select, textarea");
      var chosen = [];
      Array.prototype.forEach.call(inputs, function (input) {
        if (input.disabled || input.name !== name) { return; }
        if (input.type === "checkbox" || input.type === "radio") {
          if (input.checked) { chosen.push(input.value); }
        } else if (input.value !== "") {
          chosen.push(input.value);
        }
      });
      if (chosen.length) { answers[name] = chosen.join(" "); }
    });
    return answers;
  }

  function apply(form) {
    // Twice: hiding one question can hide another that depends on it.
    for (var pass = 0; pass < 3; pass += 1) {
      var answers = readAnswers(form);
      Array.prototype.forEach.call(form.querySelectorAll("[data-relevant]"), function (wrapper) {
        var show;
        try { show = check(wrapper.getAttribute("data-relevant"), answers); } catch (error) { show = true; }
        wrapper.hidden = !show;
        Array.prototype.forEach.call(wrapper.querySelectorAll("input, select, textarea"), function (input) {
          input.disabled = !show;
        });
      });
    }
  }

  window.OntmoetSkipLogic = { parse: parse, check: check };
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-skip-logic]"), function (form) {
      apply(form);
      form.addEventListener("change", function () { apply(form); });
      form.addEventListener("input", function () { apply(form); });
    });
  });
}());
