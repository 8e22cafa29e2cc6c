// The print button of a document's print view (the page's policy allows this one script and nothing inline).
document.getElementById("print")?.addEventListener("click", () => window.print());
