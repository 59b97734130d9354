// Stands in for jsPDF's optional html2canvas/canvg/dompurify imports, which this app never calls.

export default {};
