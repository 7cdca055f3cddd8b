// crxjs's script imports (see background/page-ui-injection): the built file's name.
declare module '*?script&iife' {
  const fileName: string;
  export default fileName;
}
