// Sample bounces are bundled as text (webpack asset/source).
declare module '*.eml' {
  const text: string;
  export default text;
}
