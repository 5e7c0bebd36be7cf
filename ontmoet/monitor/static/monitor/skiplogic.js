/* Skip logic, cascading selects and calculations in the browser: the same expression grammar and
 * semantics as monitor/expressions.py (tests/expression_cases.json is the one table both pass).
 *
 * Each question is a wrapper with data-question="name" and, when it has skip logic,
 * data-relevant="expression"; a select with a choice_filter has data-choice-filter="expression" and
 * each option's choice row as data-choice (JSON); a calculation is a hidden element with
 * data-question and data-calculate. A question whose condition is false is hidden (its inputs
 * disabled so they are not sent), as is an option the filter leaves out. The server checks
 * everything again, so the page works without this script.
 */
(function () {
  "use strict";

  var FUNCTIONS = {
    "selected": [2, 2], "selected-at": [2, 2], "count-selected": [1, 1], "not": [1, 1], "string-length": [1, 1],
    "true": [0, 0], "false": [0, 0], "if": [3, 3], "concat": [1, null], "coalesce": [2, 2], "regex": [2, 2],
    "today": [0, 0], "contains": [2, 2], "starts-with": [2, 2], "ends-with": [2, 2], "substr": [2, 3],
    "int": [1, 1], "number": [1, 1], "round": [1, 2], "string": [1, 1], "boolean": [1, 1], "date": [1, 1],
    "once": [1, 1], "normalize-space": [1, 1]
  };
  var TOKEN = /^\s*(?:\$\{\s*([A-Za-z_][\w.\-]*)\s*\}|\.\.\/([A-Za-z_][\w.\-]*)|('[^']*'|"[^"]*")|(\d+(?:\.\d+)?|\.\d+)|(<=|>=|!=|=|<|>|\(|\)|,|\+|-|\*)|([A-Za-z_][\w\-]*)|(\.))/;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/;
  var DAY = 86400000;

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
    function peek(ahead) { return tokens[index + (ahead || 0)] || [null, null]; }
    function is(kind, value, ahead) { var t = peek(ahead); return t[0] === kind && t[1] === value; }
    function take(kind, value) {
      var t = peek();
      if (t[0] === null || (kind && t[0] !== kind) || (value && t[1] !== value)) { throw new Error("verwacht " + (value || kind)); }
      index += 1;
      return t;
    }
    function binary(kind, operators, operand, tokenKind) {
      var node = operand(), t;
      while (peek()[0] === tokenKind && operators.indexOf(peek()[1]) >= 0) {
        t = take();
        node = { kind: kind, value: t[1], children: [node, operand()] };
      }
      return node;
    }
    function orExpr() { return binary("or", ["or"], andExpr, "word"); }
    function andExpr() { return binary("and", ["and"], equality, "word"); }
    function equality() { return binary("compare", ["=", "!="], relational, "op"); }
    function relational() { return binary("compare", ["<", "<=", ">", ">="], additive, "op"); }
    function additive() { return binary("arith", ["+", "-"], multiplicative, "op"); }
    function multiplicative() {
      var node = unary(), t;
      while (is("op", "*") || is("word", "div") || is("word", "mod")) {
        t = take();
        node = { kind: "arith", value: t[1], children: [node, unary()] };
      }
      return node;
    }
    function unary() {
      if (is("op", "-")) { take(); return { kind: "negate", children: [unary()] }; }
      return primary();
    }
    function primary() {
      var t = peek(), args = [], node, limits;
      if (t[0] === "op" && t[1] === "(") { take(); node = orExpr(); take("op", ")"); return node; }
      if (t[0] === "ref") { take(); return { kind: "ref", value: t[1] }; }
      if (t[0] === "current") { take(); return { kind: "current" }; }
      if (t[0] === "literal") { take(); return { kind: "literal", value: t[1] }; }
      if (t[0] === "word" && is("op", "(", 1)) {
        if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, t[1])) { throw new Error("onbekende functie " + t[1]); }
        take();
        take("op", "(");
        if (!is("op", ")")) {
          args.push(orExpr());
          while (is("op", ",")) { take(); args.push(orExpr()); }
        }
        take("op", ")");
        limits = FUNCTIONS[t[1]];
        if (args.length < limits[0] || (limits[1] !== null && args.length > limits[1])) { throw new Error(t[1] + "() argumenten"); }
        return { kind: "call", value: t[1], children: args };
      }
      if (t[0] === "word" && ["and", "or", "div", "mod"].indexOf(t[1]) < 0) { take(); return { kind: "column", value: t[1] }; }
      throw new Error("onvolledige expressie");
    }
    var tree = orExpr();
    if (peek()[0] !== null) { throw new Error("onverwacht " + peek()[1]); }
    return tree;
  }

  function asText(value) {
    if (value === null || value === undefined) { return ""; }
    if (value === true) { return "true"; }
    if (value === false) { return "false"; }
    if (Array.isArray(value)) { return value.join(" "); }
    return String(value);
  }
  function asNumber(value) {
    var text, match;
    if (typeof value === "boolean") { return value ? 1 : 0; }
    if (typeof value === "number") { return value; }
    text = asText(value).trim();
    match = DATE.exec(text);
    if (match) {
      var time = Date.UTC(+match[1], +match[2] - 1, +match[3]), check = new Date(time);
      if (check.getUTCMonth() !== +match[2] - 1) { return NaN; }
      return time / DAY;
    }
    if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) { return NaN; }
    return parseFloat(text);
  }
  function truthy(value) {
    if (typeof value === "boolean") { return value; }
    if (typeof value === "number") { return value !== 0 && !isNaN(value); }
    return asText(value) !== "";
  }
  function compare(op, left, right) {
    var a = asNumber(left), b = asNumber(right);
    if (isNaN(a) || isNaN(b)) {
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
  function arith(op, left, right) {
    var a = asNumber(left), b = asNumber(right);
    if (op === "+") { return a + b; }
    if (op === "-") { return a - b; }
    if (op === "*") { return a * b; }
    if (op === "mod") { return b === 0 ? NaN : a % b; }
    return a / b;
  }
  function round(number, digits) {
    var scale = Math.pow(10, Math.trunc(digits));
    if (isNaN(digits)) { return NaN; }
    if (!isFinite(number)) { return number; }
    return Math.floor(number * scale + 0.5) / scale;
  }
  function isoDay(date) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }
  function toDate(value) {
    var number = asNumber(value), date;
    if (isNaN(number)) { return ""; }
    date = new Date(Math.floor(number) * DAY);
    return isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
  }
  function words(value) { return asText(value).split(/\s+/).filter(Boolean); }
  var CALLS = {
    "selected": function (a) { return words(a[0]).indexOf(asText(a[1])) >= 0; },
    "selected-at": function (a) { var w = words(a[0]), i = asNumber(a[1]); return i >= 0 && i < w.length ? w[Math.floor(i)] : ""; },
    "count-selected": function (a) { return words(a[0]).length; },
    "not": function (a) { return !truthy(a[0]); },
    "string-length": function (a) { return asText(a[0]).length; },
    "true": function () { return true; },
    "false": function () { return false; },
    "concat": function (a) { return a.map(asText).join(""); },
    "coalesce": function (a) { return asText(a[0]) !== "" ? a[0] : a[1]; },
    "regex": function (a) { try { return new RegExp(asText(a[1])).test(asText(a[0])); } catch (error) { return false; } },
    "today": function () { return isoDay(new Date()); },
    "contains": function (a) { return asText(a[0]).indexOf(asText(a[1])) >= 0; },
    "starts-with": function (a) { return asText(a[0]).indexOf(asText(a[1])) === 0; },
    "ends-with": function (a) { var s = asText(a[0]), t = asText(a[1]); return s.slice(s.length - t.length) === t || t === ""; },
    "substr": function (a) {
      var s = asText(a[0]), b = asNumber(a[1]), e = a.length > 2 ? asNumber(a[2]) : null;
      if (isNaN(b) || (e !== null && isNaN(e))) { return ""; }
      return e === null ? s.slice(Math.trunc(b)) : s.slice(Math.trunc(b), Math.trunc(e));
    },
    "int": function (a) { return Math.trunc(asNumber(a[0])); },
    "number": function (a) { return asNumber(a[0]); },
    "round": function (a) { return round(asNumber(a[0]), a.length > 1 ? asNumber(a[1]) : 0); },
    "string": function (a) { return asText(a[0]); },
    "boolean": function (a) { return truthy(a[0]); },
    "date": function (a) { return toDate(a[0]); },
    "once": function (a) { return a[0]; },
    "normalize-space": function (a) { return words(a[0]).join(" "); }
  };
  function evaluate(node, answers, current, choice) {
    function ev(child) { return evaluate(child, answers, current, choice); }
    switch (node.kind) {
      case "literal": return node.value;
      case "ref": return answers[node.value];
      case "current": return current;
      case "column": return (choice || {})[node.value] || "";
      case "negate": return -asNumber(ev(node.children[0]));
      case "and": return truthy(ev(node.children[0])) && truthy(ev(node.children[1]));
      case "or": return truthy(ev(node.children[0])) || truthy(ev(node.children[1]));
      case "compare": return compare(node.value, ev(node.children[0]), ev(node.children[1]));
      case "arith": return arith(node.value, ev(node.children[0]), ev(node.children[1]));
      default:
        if (node.value === "if") { return truthy(ev(node.children[0])) ? ev(node.children[1]) : ev(node.children[2]); }
        return CALLS[node.value](node.children.map(ev));
    }
  }

  function check(expression, answers, current, choice) {
    if (!expression || !expression.trim()) { return true; }
    return truthy(evaluate(parse(expression), answers, current, choice));
  }
  function value(expression, answers) {
    var result = evaluate(parse(expression), answers);
    if (typeof result === "number" && isNaN(result)) { return ""; }
    return asText(result);
  }

  function readAnswers(form) {
    var answers = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-question]"), function (wrapper) {
      var name = wrapper.getAttribute("data-question");
      var inputs = wrapper.querySelectorAll("input, select, textarea");
      var chosen = [];
      if (wrapper.hasAttribute("data-calculate")) {
        try { answers[name] = value(wrapper.getAttribute("data-calculate"), answers); } catch (error) { answers[name] = ""; }
        return;
      }
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

  function show(element, visible) {
    element.hidden = !visible;
    Array.prototype.forEach.call(element.querySelectorAll("input, select, textarea"), function (input) {
      input.disabled = !visible;
    });
  }

  function filterChoices(wrapper, answers) {
    var expression = wrapper.getAttribute("data-choice-filter");
    Array.prototype.forEach.call(wrapper.querySelectorAll("[data-choice]"), function (option) {
      var keep;
      try { keep = check(expression, answers, null, JSON.parse(option.getAttribute("data-choice"))); } catch (error) { keep = true; }
      if (!keep) { Array.prototype.forEach.call(option.querySelectorAll("input"), function (input) { input.checked = false; }); }
      show(option, keep);
    });
  }

  // ${name} in a label or hint: the server wrote the answers it had into [data-reference] elements
  // (questionform.live_references); here they follow what the respondent types. A choice shows by its label.
  function referenceText(form, name, value) {
    if (value === undefined || value === "") { return "\u2026"; }
    var wrapper = form.querySelector('[data-question="' + name + '"]');
    if (!wrapper || !wrapper.querySelector('input[type="radio"], input[type="checkbox"]')) { return String(value); }
    return String(value).split(" ").map(function (choice) {
      var label = wrapper.querySelector('label[for="vraag-' + name + "-" + choice + '"]');
      return label ? label.textContent.trim() : choice;
    }).join(", ");
  }

  function showReferences(form, answers) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-reference]"), function (slot) {
      var text = referenceText(form, slot.getAttribute("data-reference"), answers[slot.getAttribute("data-reference")]);
      if (slot.textContent !== text) { slot.textContent = text; }
    });
  }

  function apply(form) {
    // Several passes: hiding one question or option can hide another that depends on it.
    for (var pass = 0; pass < 3; pass += 1) {
      var answers = readAnswers(form);
      Array.prototype.forEach.call(form.querySelectorAll("[data-relevant]"), function (wrapper) {
        var visible;
        try { visible = check(wrapper.getAttribute("data-relevant"), answers); } catch (error) { visible = true; }
        show(wrapper, visible);
      });
      Array.prototype.forEach.call(form.querySelectorAll("[data-choice-filter]"), function (wrapper) {
        if (!wrapper.hidden) { filterChoices(wrapper, answers); }
      });
    }
    showReferences(form, readAnswers(form));
  }

  window.OntmoetSkipLogic = { parse: parse, check: check, value: value };
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-skip-logic]"), function (form) {
      apply(form);
      form.addEventListener("change", function () { apply(form); });
      form.addEventListener("input", function () { apply(form); });
    });
  });
}());
