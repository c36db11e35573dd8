using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>A metadata token in IL, with the two opcodes before its instruction and the token of the one before (if it had one).</summary>
    internal readonly record struct IlToken(EntityHandle Token, short BeforePrevious, short Previous, EntityHandle PreviousToken);

    /// <summary>One thing an assembly uses that nanoFramework 1.x cannot run, and who uses it.</summary>
    public sealed record GateViolation(string Assembly, string Problem, string Subject, IReadOnlyList<string> UsedBy)
    {
        public override string ToString()
        {
            return Assembly + ": " + Problem + ": " + Subject + " (used by " + string.Join(", ", UsedBy) + ")";
        }
    }

    /// <summary>An API on the allowlist that an assembly uses, and the packages that provide it.</summary>
    public sealed record PackageUse(string Api, IReadOnlyCollection<string> Packages, IReadOnlyList<string> UsedBy);

    public sealed class GateReport
    {
        public GateReport(string assembly, IReadOnlyList<GateViolation> violations, IReadOnlyList<PackageUse> packageUses)
        {
            Assembly = assembly;
            Violations = violations;
            PackageUses = packageUses;
        }

        public string Assembly { get; }

        public IReadOnlyList<GateViolation> Violations { get; }

        public IReadOnlyList<PackageUse> PackageUses { get; }
    }

    /// <summary>
    /// The API gate: reads an assembly's IL and metadata (System.Reflection.Metadata, no loading)
    /// and reports every external type and member it references that is not on the nanoFramework
    /// 1.x allowlist, every generic definition or instantiation, multidimensional array, async
    /// state machine, iterator, LINQ, tuple and decimal — each with the source types that use it.
    /// References into the project's own assemblies are skipped: those assemblies are gated themselves.
    /// </summary>
    public sealed class NanoApiGate
    {
        private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
            .GetFields()
            .Select(f => (OpCode)f.GetValue(null))
            .ToDictionary(o => o.Value, o => o.OperandType);

        /// <summary>
        /// The MetadataProcessor encodes every array as single-dimensional (nanoframework/metadata-processor,
        /// MetadataProcessor.Shared/Tables/nanoSignaturesTable.cs, WriteDataType: IsArray → DATATYPE_SZARRAY, rank dropped).
        /// </summary>
        private const string MultidimensionalArray = "multidimensional array (use jagged arrays)";

        /// <summary>
        /// nanoSignaturesTable.cs WriteDataType has no case for pointer types and writes an invalid
        /// data type (0x00) for them: pointer-typed locals, parameters and fields cannot be processed.
        /// </summary>
        private const string PointerType = "pointer type (the MetadataProcessor cannot encode it)";

        /// <summary>
        /// MetadataProcessor.Shared/Mono.Cecil/CodeWriter.cs WriteOperand writes nothing for an InlineSig
        /// operand ("TODO: implement this properly"): a calli instruction loses its signature token.
        /// </summary>
        private const string Calli = "calli (function-pointer call; the MetadataProcessor drops its signature)";

        private const string AttributeArgument = "custom-attribute argument type the MetadataProcessor cannot encode";

        private static readonly HashSet<string> EncodableAttributePrimitives = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
            "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.String",
        };

        private readonly NanoApiAllowlist _allowlist;
        private readonly HashSet<string> _projectAssemblies;

        public NanoApiGate(NanoApiAllowlist allowlist, IEnumerable<string> projectAssemblies)
        {
            _allowlist = allowlist;
            _projectAssemblies = new HashSet<string>(projectAssemblies, StringComparer.Ordinal);
        }

        public GateReport Inspect(string assemblyPath)
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            return new Inspection(this, pe).Run();
        }

        private sealed class Inspection
        {
            private readonly NanoApiGate _gate;
            private readonly PEReader _pe;
            private readonly MetadataReader _md;
            private readonly SignatureNames _names;
            private readonly string _assembly;
            private readonly Dictionary<EntityHandle, SortedSet<string>> _usedBy = new Dictionary<EntityHandle, SortedSet<string>>();
            private readonly Dictionary<EntityHandle, List<MethodDefinitionHandle>> _usedInIl = new Dictionary<EntityHandle, List<MethodDefinitionHandle>>();
            private readonly HashSet<EntityHandle> _usedOutsideAttributes = new HashSet<EntityHandle>();
            private readonly Dictionary<(string Problem, string Subject), SortedSet<string>> _violations = new Dictionary<(string, string), SortedSet<string>>();
            private readonly Dictionary<string, (IReadOnlyCollection<string> Packages, SortedSet<string> UsedBy)> _packageUses = new Dictionary<string, (IReadOnlyCollection<string>, SortedSet<string>)>();

            public Inspection(NanoApiGate gate, PEReader pe)
            {
                _gate = gate;
                _pe = pe;
                _md = pe.GetMetadataReader();
                _names = new SignatureNames(_md);
                _assembly = _md.GetString(_md.GetAssemblyDefinition().Name);
            }

            public GateReport Run()
            {
                CollectUses();
                CheckGenericDefinitions();
                CheckTypeReferences();
                CheckMemberReferences();
                CheckTypeSpecifications();
                CheckMethodSpecifications();
                CheckMetadataProcessorLimits();

                GateViolation[] violations = _violations
                    .Select(v => new GateViolation(_assembly, v.Key.Problem, v.Key.Subject, v.Value.ToArray()))
                    .OrderBy(v => v.Subject, StringComparer.Ordinal)
                    .ToArray();
                PackageUse[] uses = _packageUses
                    .Select(u => new PackageUse(u.Key, u.Value.Packages, u.Value.UsedBy.ToArray()))
                    .ToArray();
                return new GateReport(_assembly, violations, uses);
            }

            // ---- who uses what -------------------------------------------------------------------

            private void CollectUses()
            {
                UseAttributes(_md.GetAssemblyDefinition().GetCustomAttributes(), "<assembly>");
                UseAttributes(_md.GetModuleDefinition().GetCustomAttributes(), "<module>");

                foreach (TypeDefinitionHandle typeHandle in _md.TypeDefinitions)
                {
                    TypeDefinition type = _md.GetTypeDefinition(typeHandle);
                    string source = MetadataNames.TypeName(_md, typeHandle);
                    if (!type.BaseType.IsNil)
                    {
                        Use(type.BaseType, source, default);
                    }

                    foreach (InterfaceImplementationHandle i in type.GetInterfaceImplementations())
                    {
                        Use(_md.GetInterfaceImplementation(i).Interface, source, default);
                    }

                    UseAttributes(type.GetCustomAttributes(), source);

                    foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
                    {
                        FieldDefinition field = _md.GetFieldDefinition(fieldHandle);
                        UseSignature(source, () => field.DecodeSignature(_names, null));
                        UseAttributes(field.GetCustomAttributes(), source);
                    }

                    foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
                    {
                        PropertyDefinition property = _md.GetPropertyDefinition(propertyHandle);
                        UseSignature(source, () => property.DecodeSignature(_names, null));
                        UseAttributes(property.GetCustomAttributes(), source);
                    }

                    foreach (EventDefinitionHandle eventHandle in type.GetEvents())
                    {
                        EventDefinition e = _md.GetEventDefinition(eventHandle);
                        Use(e.Type, source, default);
                        UseAttributes(e.GetCustomAttributes(), source);
                    }

                    foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                    {
                        CollectMethodUses(source, methodHandle);
                    }
                }
            }

            private void CollectMethodUses(string source, MethodDefinitionHandle methodHandle)
            {
                MethodDefinition method = _md.GetMethodDefinition(methodHandle);
                UseSignature(source, () => method.DecodeSignature(_names, null));
                UseAttributes(method.GetCustomAttributes(), source);
                foreach (ParameterHandle p in method.GetParameters())
                {
                    UseAttributes(_md.GetParameter(p).GetCustomAttributes(), source);
                }

                if (method.RelativeVirtualAddress == 0)
                {
                    return;
                }

                MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    StandaloneSignature locals = _md.GetStandaloneSignature(body.LocalSignature);
                    UseSignature(source, () => locals.DecodeLocalSignature(_names, null));
                }

                foreach (ExceptionRegion region in body.ExceptionRegions)
                {
                    if (!region.CatchType.IsNil)
                    {
                        Use(region.CatchType, source, methodHandle);
                    }
                }

                bool calli = false;
                foreach (IlToken il in IlTokens(body.GetILBytes(), () => calli = true))
                {
                    EntityHandle token = il.Token;
                    Use(token, source, methodHandle);
                    CheckTrimWithoutCharacters(il, source);
                    if (token.Kind == HandleKind.MethodSpecification)
                    {
                        Use(_md.GetMethodSpecification((MethodSpecificationHandle)token).Method, source, methodHandle);
                    }
                }

                if (calli)
                {
                    AddViolation(Calli, MethodName(methodHandle), source);
                }
            }

            /// <param name="onCalli">Called for each <c>calli</c> (the one opcode with an InlineSig operand).</param>
            private static IEnumerable<IlToken> IlTokens(byte[] il, Action onCalli)
            {
                int i = 0;
                short previous = -1;
                short beforePrevious = -1;
                EntityHandle previousToken = default;
                while (i < il.Length)
                {
                    short code = il[i++];
                    if (code == 0xFE)
                    {
                        code = (short)(0xFE00 | il[i++]);
                    }

                    if (!OperandTypes.TryGetValue(code, out OperandType operand))
                    {
                        throw new BadImageFormatException("unknown IL opcode 0x" + code.ToString("X"));
                    }

                    switch (operand)
                    {
                        case OperandType.InlineNone:
                            break;
                        case OperandType.ShortInlineBrTarget:
                        case OperandType.ShortInlineI:
                        case OperandType.ShortInlineVar:
                            i += 1;
                            break;
                        case OperandType.InlineVar:
                            i += 2;
                            break;
                        case OperandType.InlineI8:
                        case OperandType.InlineR:
                            i += 8;
                            break;
                        case OperandType.InlineSwitch:
                            int count = BitConverter.ToInt32(il, i);
                            i += 4 + 4 * count;
                            break;
                        case OperandType.InlineField:
                        case OperandType.InlineMethod:
                        case OperandType.InlineTok:
                        case OperandType.InlineType:
                            EntityHandle token = MetadataTokens.EntityHandle(BitConverter.ToInt32(il, i));
                            yield return new IlToken(token, beforePrevious, previous, previousToken);
                            previousToken = token;
                            i += 4;
                            break;
                        case OperandType.InlineSig:
                            onCalli();
                            i += 4;
                            break;
                        default:
                            // InlineBrTarget, InlineI, InlineString, ShortInlineR
                            i += 4;
                            break;
                    }

                    if (operand != OperandType.InlineField && operand != OperandType.InlineMethod && operand != OperandType.InlineTok && operand != OperandType.InlineType)
                    {
                        previousToken = default;
                    }

                    beforePrevious = previous;
                    previous = code;
                }
            }

            /// <summary>
            /// <c>s.TrimStart()</c> / <c>TrimEnd()</c> / <c>Trim()</c> without characters compiles on the
            /// device only as the params char[] overload with an empty array (ldc.i4.0; newarr Char;
            /// call): nano's mscorlib has no parameterless TrimStart/TrimEnd, and whether its native
            /// trim takes an empty set as white space (as .NET does) is not verified. Pass the characters.
            /// </summary>
            private void CheckTrimWithoutCharacters(IlToken il, string source)
            {
                if (il.Token.Kind != HandleKind.MemberReference || il.Previous != 0x8D || il.BeforePrevious != 0x16 || il.PreviousToken.Kind != HandleKind.TypeReference
                    || MetadataNames.TypeName(_md, (TypeReferenceHandle)il.PreviousToken) != "System.Char")
                {
                    return;
                }

                string member = Render(_md.GetMemberReference((MemberReferenceHandle)il.Token), out _);
                if (member == "System.String::TrimStart(System.Char[]) : System.String" || member == "System.String::TrimEnd(System.Char[]) : System.String")
                {
                    AddViolation("TrimStart()/TrimEnd() without characters (only the char[] overloads exist on nanoFramework; pass the characters)", member, source);
                }
            }

            private void UseAttributes(CustomAttributeHandleCollection attributes, string source)
            {
                foreach (CustomAttributeHandle a in attributes)
                {
                    CustomAttribute attribute = _md.GetCustomAttribute(a);
                    Use(attribute.Constructor, source, default, attribute: true);
                    CheckAttributeArguments(attribute, source);
                }
            }

            /// <summary>
            /// The MetadataProcessor writes a custom attribute's constructor arguments itself and
            /// encodes only primitives, string, System.Type, object[] and arrays of primitives
            /// (nanoframework/metadata-processor, MetadataProcessor.Shared/Tables/nanoSignaturesTable.cs,
            /// WriteAttributeArgumentValue: any other type fails with "Unsupported type"): a parameter
            /// typed object, or an array of anything else (Type[], enums, structs), cannot be processed.
            /// </summary>
            private void CheckAttributeArguments(CustomAttribute attribute, string source)
            {
                _names.Clear();
                MethodSignature<string> constructor;
                switch (attribute.Constructor.Kind)
                {
                    case HandleKind.MemberReference:
                        constructor = _md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).DecodeMethodSignature(_names, null);
                        break;
                    case HandleKind.MethodDefinition:
                        constructor = _md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).DecodeSignature(_names, null);
                        break;
                    default:
                        return;
                }

                foreach (string parameter in constructor.ParameterTypes)
                {
                    bool array = parameter.EndsWith("[]", StringComparison.Ordinal);
                    string element = array ? parameter.Substring(0, parameter.Length - 2) : parameter;
                    bool encodable = array
                        ? element == "System.Object" || EncodableAttributePrimitives.Contains(element)
                        : element != "System.Object";
                    if (!encodable)
                    {
                        AddViolation(AttributeArgument, MetadataNames.AttributeTypeName(_md, attribute) + "(" + string.Join(",", constructor.ParameterTypes) + ")", source);
                    }
                }
            }

            private void UseSignature(string source, Action decode)
            {
                _names.Clear();
                decode();
                foreach (EntityHandle handle in _names.TypeHandles)
                {
                    Use(handle, source, default);
                }

                foreach (string instance in _names.GenericInstantiations)
                {
                    AddViolation(ProblemFor(instance, "generic instantiation"), instance, source);
                }

                foreach (string array in _names.MultidimensionalArrays)
                {
                    AddViolation(MultidimensionalArray, array, source);
                }

                foreach (string pointer in _names.FunctionPointers)
                {
                    AddViolation("function pointer", pointer, source);
                }

                foreach (string pointer in _names.Pointers)
                {
                    AddViolation(PointerType, pointer, source);
                }
            }

            /// <param name="method">The method whose IL uses the handle (nil for signatures and attributes).</param>
            private void Use(EntityHandle handle, string source, MethodDefinitionHandle method, bool attribute = false)
            {
                if (handle.IsNil)
                {
                    return;
                }

                if (!_usedBy.TryGetValue(handle, out SortedSet<string> users))
                {
                    users = new SortedSet<string>(StringComparer.Ordinal);
                    _usedBy[handle] = users;
                }

                users.Add(source);
                if (!attribute)
                {
                    _usedOutsideAttributes.Add(handle);
                }

                if (!method.IsNil)
                {
                    if (!_usedInIl.TryGetValue(handle, out List<MethodDefinitionHandle> methods))
                    {
                        methods = new List<MethodDefinitionHandle>();
                        _usedInIl[handle] = methods;
                    }

                    methods.Add(method);
                }
            }

            private IEnumerable<string> UsersOf(EntityHandle handle)
            {
                return _usedBy.TryGetValue(handle, out SortedSet<string> users) ? users : new[] { "<metadata>" };
            }

            // ---- checks --------------------------------------------------------------------------

            private void CheckGenericDefinitions()
            {
                for (int row = 1; row <= _md.GetTableRowCount(TableIndex.GenericParam); row++)
                {
                    GenericParameter parameter = _md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
                    string owner = parameter.Parent.Kind == HandleKind.TypeDefinition
                        ? MetadataNames.TypeName(_md, (TypeDefinitionHandle)parameter.Parent)
                        : MethodName((MethodDefinitionHandle)parameter.Parent);
                    string source = parameter.Parent.Kind == HandleKind.TypeDefinition
                        ? owner
                        : MetadataNames.TypeName(_md, _md.GetMethodDefinition((MethodDefinitionHandle)parameter.Parent).GetDeclaringType());
                    AddViolation("generic definition (nanoFramework 1.x has no generics)", owner, source);
                }
            }

            private void CheckTypeReferences()
            {
                foreach (TypeReferenceHandle handle in _md.TypeReferences)
                {
                    if (IsProjectReference(handle))
                    {
                        continue;
                    }

                    string name = MetadataNames.TypeName(_md, handle);
                    if (CompilerLowering.CompilerOnlyAttributes.Contains(name) && OnlyUsedAsAttribute(handle))
                    {
                        continue;
                    }

                    CheckApi(name, isType: true, UsersOf(handle));
                }
            }

            private void CheckMemberReferences()
            {
                foreach (MemberReferenceHandle handle in _md.MemberReferences)
                {
                    MemberReference member = _md.GetMemberReference(handle);
                    if (member.Parent.Kind == HandleKind.TypeReference && IsProjectReference((TypeReferenceHandle)member.Parent))
                    {
                        continue;
                    }

                    string rendered = Render(member, out bool genericParent);
                    IEnumerable<string> users = UsersOf(handle);
                    if (genericParent)
                    {
                        AddViolation(ProblemFor(rendered, "member of a generic type"), rendered, users);
                        continue;
                    }

                    if (member.Parent.Kind != HandleKind.TypeReference)
                    {
                        continue; // members of arrays and own types: the array shape or type is checked on its own
                    }

                    string declaringType = MetadataNames.TypeName(_md, (TypeReferenceHandle)member.Parent);
                    if (CompilerLowering.CompilerOnlyAttributes.Contains(declaringType) && OnlyUsedAsAttribute(handle))
                    {
                        continue;
                    }

                    if (rendered == CompilerLowering.LockEnter && _gate._allowlist.HasMember(CompilerLowering.LockEnterFallback))
                    {
                        continue;
                    }

                    if (CompilerLowering.TypeEqualityOperators.Contains(rendered))
                    {
                        continue;
                    }

                    if (rendered.StartsWith(CompilerLowering.EventCompareExchange + "(", StringComparison.Ordinal) && OnlyUsedInEventAccessors(handle))
                    {
                        continue;
                    }

                    CheckApi(rendered, isType: false, users);
                }
            }

            private void CheckTypeSpecifications()
            {
                foreach (TypeSpecificationHandle handle in Enumerable.Range(1, _md.GetTableRowCount(TableIndex.TypeSpec)).Select(MetadataTokens.TypeSpecificationHandle))
                {
                    string[] users = UsersOf(handle).ToArray();
                    _names.Clear();
                    string name = _md.GetTypeSpecification(handle).DecodeSignature(_names, null);
                    foreach (string instance in _names.GenericInstantiations)
                    {
                        if (!(instance.StartsWith("!", StringComparison.Ordinal)))
                        {
                            AddViolation(ProblemFor(instance, "generic instantiation"), instance, users);
                        }
                    }

                    foreach (string array in _names.MultidimensionalArrays)
                    {
                        AddViolation(MultidimensionalArray, array, users);
                    }

                    foreach (string pointer in _names.Pointers)
                    {
                        AddViolation(PointerType, pointer, users);
                    }

                    if (name.StartsWith("!", StringComparison.Ordinal))
                    {
                        AddViolation("generic type parameter", name, users);
                    }
                }
            }

            private void CheckMethodSpecifications()
            {
                for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
                {
                    MethodSpecificationHandle handle = MetadataTokens.MethodSpecificationHandle(row);
                    MethodSpecification spec = _md.GetMethodSpecification(handle);
                    string method = spec.Method.Kind == HandleKind.MemberReference
                        ? Render(_md.GetMemberReference((MemberReferenceHandle)spec.Method), out _)
                        : MethodName((MethodDefinitionHandle)spec.Method);
                    if (method.StartsWith(CompilerLowering.EventCompareExchange + "(", StringComparison.Ordinal) && OnlyUsedInEventAccessors(handle)
                        && CompilerLowering.EventFallback.All(_gate._allowlist.HasMember))
                    {
                        continue;
                    }

                    AddViolation(ProblemFor(method, "generic method instantiation"), method, UsersOf(handle));
                }
            }

            private void CheckApi(string api, bool isType, IEnumerable<string> users)
            {
                bool known = isType ? _gate._allowlist.HasType(api) : _gate._allowlist.HasMember(api);
                if (known)
                {
                    if (!_packageUses.TryGetValue(api, out var use))
                    {
                        use = (_gate._allowlist.PackagesOf(api), new SortedSet<string>(StringComparer.Ordinal));
                        _packageUses[api] = use;
                    }

                    foreach (string user in users)
                    {
                        use.UsedBy.Add(user);
                    }

                    return;
                }

                AddViolation(ProblemFor(api, isType ? "type not in the nanoFramework 1.x API" : "member not in the nanoFramework 1.x API"), api, users);
            }

            /// <summary>
            /// The MetadataProcessor stores per type the number of virtual, instance and static
            /// methods, and of static and instance fields, in one byte each
            /// (nanoframework/metadata-processor, MetadataProcessor.Shared/Tables/nanoTypeDefinitionTable.cs:
            /// WriteMethodBodies throws "methods count (...) exceeds maximum supported (255)";
            /// WriteClassFields writes the field counts as (byte) without a check).
            /// </summary>
            private void CheckMetadataProcessorLimits()
            {
                foreach (TypeDefinitionHandle typeHandle in _md.TypeDefinitions)
                {
                    TypeDefinition type = _md.GetTypeDefinition(typeHandle);
                    string name = MetadataNames.TypeName(_md, typeHandle);
                    var methods = type.GetMethods().Select(m => _md.GetMethodDefinition(m).Attributes).ToArray();
                    CheckLimit(name, "virtual methods", methods.Count(a => (a & System.Reflection.MethodAttributes.Virtual) != 0));
                    CheckLimit(name, "instance methods", methods.Count(a => (a & (System.Reflection.MethodAttributes.Virtual | System.Reflection.MethodAttributes.Static)) == 0));
                    CheckLimit(name, "static methods", methods.Count(a => (a & System.Reflection.MethodAttributes.Static) != 0));
                    var fields = type.GetFields().Select(f => _md.GetFieldDefinition(f).Attributes)
                        .Where(a => (a & System.Reflection.FieldAttributes.Literal) == 0).ToArray();
                    CheckLimit(name, "static fields", fields.Count(a => (a & System.Reflection.FieldAttributes.Static) != 0));
                    CheckLimit(name, "instance fields", fields.Count(a => (a & System.Reflection.FieldAttributes.Static) == 0));
                }
            }

            private void CheckLimit(string type, string kind, int count)
            {
                if (count > byte.MaxValue)
                {
                    AddViolation("more than 255 " + kind + " in one type (" + count + "; the MetadataProcessor stores the count in a byte)", type, type);
                }
            }

            // ---- helpers -------------------------------------------------------------------------

            private string Render(MemberReference member, out bool genericParent)
            {
                genericParent = false;
                string parent;
                switch (member.Parent.Kind)
                {
                    case HandleKind.TypeReference:
                        parent = MetadataNames.TypeName(_md, (TypeReferenceHandle)member.Parent);
                        break;
                    case HandleKind.TypeDefinition:
                        parent = MetadataNames.TypeName(_md, (TypeDefinitionHandle)member.Parent);
                        break;
                    case HandleKind.TypeSpecification:
                        _names.Clear();
                        parent = _md.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(_names, null);
                        genericParent = _names.GenericInstantiations.Count > 0;
                        break;
                    default:
                        parent = "?";
                        break;
                }

                string name = _md.GetString(member.Name);
                if (member.GetKind() == MemberReferenceKind.Field)
                {
                    return MetadataNames.FieldSignature(parent, name, member.DecodeFieldSignature(_names, null));
                }

                return MetadataNames.MethodSignature(parent, name, member.DecodeMethodSignature(_names, null));
            }

            private string MethodName(MethodDefinitionHandle handle)
            {
                MethodDefinition method = _md.GetMethodDefinition(handle);
                return MetadataNames.TypeName(_md, method.GetDeclaringType()) + "::" + _md.GetString(method.Name);
            }

            private bool IsProjectReference(TypeReferenceHandle handle)
            {
                string scope = MetadataNames.ScopeAssembly(_md, handle);
                return scope == null || _gate._projectAssemblies.Contains(scope);
            }

            /// <summary>True when nothing but custom attributes (and, for a type, its constructor reference) refers to it.</summary>
            private bool OnlyUsedAsAttribute(EntityHandle handle)
            {
                return !_usedOutsideAttributes.Contains(handle);
            }

            private bool OnlyUsedInEventAccessors(EntityHandle handle)
            {
                if (!_usedInIl.TryGetValue(handle, out List<MethodDefinitionHandle> methods) || methods.Count == 0)
                {
                    return false;
                }

                return methods.All(m =>
                {
                    MethodDefinition method = _md.GetMethodDefinition(m);
                    string name = _md.GetString(method.Name);
                    return (name.StartsWith("add_", StringComparison.Ordinal) || name.StartsWith("remove_", StringComparison.Ordinal))
                        && MetadataNames.HasAttribute(_md, method.GetCustomAttributes(), "System.Runtime.CompilerServices.CompilerGeneratedAttribute");
                });
            }

            private static string ProblemFor(string subject, string fallback)
            {
                if (subject.Contains("System.Linq.", StringComparison.Ordinal))
                {
                    return "LINQ (not available on nanoFramework)";
                }

                if (subject.Contains("AsyncStateMachine", StringComparison.Ordinal) || subject.Contains("System.Threading.Tasks.", StringComparison.Ordinal)
                    || subject.Contains("AsyncTaskMethodBuilder", StringComparison.Ordinal) || subject.Contains("AsyncVoidMethodBuilder", StringComparison.Ordinal))
                {
                    return "async/await (no Task on nanoFramework 1.x)";
                }

                if (subject.Contains("IteratorStateMachine", StringComparison.Ordinal))
                {
                    return "iterator (yield is not available on nanoFramework 1.x)";
                }

                if (subject.Contains("System.ValueTuple", StringComparison.Ordinal) || subject.Contains("System.Tuple", StringComparison.Ordinal))
                {
                    return "tuple (no ValueTuple on nanoFramework)";
                }

                if (subject.Contains("System.Decimal", StringComparison.Ordinal))
                {
                    return "decimal (not available on nanoFramework)";
                }

                if (subject.Contains("DefaultInterpolatedStringHandler", StringComparison.Ordinal))
                {
                    return "interpolated string handler (C# 10+ lowering; nano lowers to String.Format)";
                }

                return fallback;
            }

            private void AddViolation(string problem, string subject, string user)
            {
                AddViolation(problem, subject, new[] { user });
            }

            private void AddViolation(string problem, string subject, IEnumerable<string> users)
            {
                if (!_violations.TryGetValue((problem, subject), out SortedSet<string> all))
                {
                    all = new SortedSet<string>(StringComparer.Ordinal);
                    _violations[(problem, subject)] = all;
                }

                foreach (string user in users)
                {
                    all.Add(user);
                }
            }
        }
    }
}
