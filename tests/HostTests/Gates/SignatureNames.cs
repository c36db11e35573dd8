using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// Renders types in metadata signatures as CLR names (System.Int32, System.Byte[], System.Int32&amp;,
    /// Outer+Inner) and remembers what it met on the way: the type handles (for attribution) and the
    /// constructs nanoFramework 1.x cannot run (generic instantiations, multidimensional arrays).
    /// </summary>
    internal sealed class SignatureNames : ISignatureTypeProvider<string, object>
    {
        private readonly MetadataReader _reader;

        public SignatureNames(MetadataReader reader)
        {
            _reader = reader;
        }

        public List<EntityHandle> TypeHandles { get; } = new List<EntityHandle>();

        public List<string> GenericInstantiations { get; } = new List<string>();

        public List<string> MultidimensionalArrays { get; } = new List<string>();

        public List<string> FunctionPointers { get; } = new List<string>();

        public List<string> Pointers { get; } = new List<string>();

        public void Clear()
        {
            TypeHandles.Clear();
            GenericInstantiations.Clear();
            MultidimensionalArrays.Clear();
            FunctionPointers.Clear();
            Pointers.Clear();
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode)
        {
            switch (typeCode)
            {
                case PrimitiveTypeCode.Boolean: return "System.Boolean";
                case PrimitiveTypeCode.Byte: return "System.Byte";
                case PrimitiveTypeCode.SByte: return "System.SByte";
                case PrimitiveTypeCode.Char: return "System.Char";
                case PrimitiveTypeCode.Int16: return "System.Int16";
                case PrimitiveTypeCode.UInt16: return "System.UInt16";
                case PrimitiveTypeCode.Int32: return "System.Int32";
                case PrimitiveTypeCode.UInt32: return "System.UInt32";
                case PrimitiveTypeCode.Int64: return "System.Int64";
                case PrimitiveTypeCode.UInt64: return "System.UInt64";
                case PrimitiveTypeCode.Single: return "System.Single";
                case PrimitiveTypeCode.Double: return "System.Double";
                case PrimitiveTypeCode.IntPtr: return "System.IntPtr";
                case PrimitiveTypeCode.UIntPtr: return "System.UIntPtr";
                case PrimitiveTypeCode.Object: return "System.Object";
                case PrimitiveTypeCode.String: return "System.String";
                case PrimitiveTypeCode.TypedReference: return "System.TypedReference";
                default: return "System.Void";
            }
        }

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeHandles.Add(handle);
            return MetadataNames.TypeName(reader, handle);
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeHandles.Add(handle);
            return MetadataNames.TypeName(reader, handle);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            TypeHandles.Add(handle);
            return reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            string name = elementType + "[" + new string(',', shape.Rank - 1) + "]";
            MultidimensionalArrays.Add(name);
            return name;
        }

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType)
        {
            string name = elementType + "*";
            Pointers.Add(name);
            return name;
        }

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            string name = genericType + "<" + string.Join(",", typeArguments) + ">";
            GenericInstantiations.Add(name);
            return name;
        }

        public string GetGenericTypeParameter(object genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object genericContext, int index) => "!!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature)
        {
            string name = "method " + signature.ReturnType + " *(" + string.Join(",", signature.ParameterTypes) + ")";
            FunctionPointers.Add(name);
            return name;
        }
    }

    /// <summary>Names of metadata entities in the allowlist's notation.</summary>
    internal static class MetadataNames
    {
        public static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            string name = reader.GetString(type.Name);
            TypeDefinitionHandle declaring = type.GetDeclaringType();
            if (!declaring.IsNil)
            {
                return TypeName(reader, declaring) + "+" + name;
            }

            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string TypeName(MetadataReader reader, TypeReferenceHandle handle)
        {
            TypeReference type = reader.GetTypeReference(handle);
            string name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return TypeName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
            }

            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>The assembly a type reference resolves to (null for the module itself).</summary>
        public static string ScopeAssembly(MetadataReader reader, TypeReferenceHandle handle)
        {
            EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference)
            {
                scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            }

            return scope.Kind == HandleKind.AssemblyReference
                ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
                : null;
        }

        public static string MethodSignature(string declaringType, string name, MethodSignature<string> signature)
        {
            return declaringType + "::" + name + "(" + string.Join(",", signature.ParameterTypes) + ") : " + signature.ReturnType;
        }

        public static string FieldSignature(string declaringType, string name, string fieldType)
        {
            return declaringType + "::" + name + " : " + fieldType;
        }

        public static bool HasAttribute(MetadataReader reader, CustomAttributeHandleCollection attributes, string attributeTypeName)
        {
            return attributes.Select(a => AttributeTypeName(reader, reader.GetCustomAttribute(a))).Any(n => n == attributeTypeName);
        }

        public static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
        {
            switch (attribute.Constructor.Kind)
            {
                case HandleKind.MemberReference:
                    EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                    return parent.Kind == HandleKind.TypeReference ? TypeName(reader, (TypeReferenceHandle)parent)
                        : parent.Kind == HandleKind.TypeDefinition ? TypeName(reader, (TypeDefinitionHandle)parent) : "?";
                case HandleKind.MethodDefinition:
                    return TypeName(reader, reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType());
                default:
                    return "?";
            }
        }
    }
}
