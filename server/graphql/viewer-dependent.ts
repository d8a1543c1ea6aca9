import { type DocumentNode, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo, BREAK } from 'graphql';

/** Field extension marking a field whose value differs from one viewer to another. */
export const DEPENDS_ON_VIEWER = { dependsOnViewer: true } as const;

/** Whether an operation selects any field marked with DEPENDS_ON_VIEWER, through fragments too. */
export function selectsViewerDependentFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (typeInfo.getFieldDef()?.extensions?.dependsOnViewer) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}
