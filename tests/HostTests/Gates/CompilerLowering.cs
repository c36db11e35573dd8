using System.Collections.Generic;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// References the net10.0 compiler emits for source that is fine on nanoFramework, because the
    /// compiler picks a different lowering when a type or member is missing from the corlib. Each
    /// entry says what nanoFramework's build does instead; nothing else is excused.
    /// </summary>
    internal static class CompilerLowering
    {
        /// <summary>
        /// Attributes Roslyn puts on assemblies and compiler-generated code when the corlib has them,
        /// and omits (or, for the embeddable ones, synthesizes as internal types) when it does not.
        /// nanoFramework's mscorlib 1.x lacks all of them (allowlist: "# absent:" lines).
        /// </summary>
        public static readonly HashSet<string> CompilerOnlyAttributes = new HashSet<string>
        {
            "System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
            "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute",
            "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
            "System.Runtime.CompilerServices.NullableAttribute",
            "System.Runtime.CompilerServices.NullableContextAttribute",
            "System.Runtime.CompilerServices.NullablePublicOnlyAttribute",
            "System.Runtime.CompilerServices.IsReadOnlyAttribute",
            "System.Runtime.CompilerServices.IsByRefLikeAttribute",
            "System.Runtime.CompilerServices.IsUnmanagedAttribute",
            "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Runtime.CompilerServices.ScopedRefAttribute",
        };

        /// <summary>
        /// C# <c>lock</c>: Roslyn uses <c>Monitor.Enter(object, ref bool)</c> when the corlib has it and
        /// <c>Monitor.Enter(object)</c> otherwise (dotnet/roslyn, lowering of LockStatement via
        /// WellKnownMember.System_Threading_Monitor__Enter2). Excused when the fallback is on the allowlist.
        /// </summary>
        public const string LockEnter = "System.Threading.Monitor::Enter(System.Object,System.Boolean&) : System.Void";

        public const string LockEnterFallback = "System.Threading.Monitor::Enter(System.Object) : System.Void";

        /// <summary>
        /// Field-like events: Roslyn builds add/remove accessors around
        /// <c>Interlocked.CompareExchange&lt;T&gt;</c> when the corlib has it, and otherwise uses
        /// <c>Delegate.Combine/Remove</c> in accessors marked Synchronized (dotnet/roslyn,
        /// SynthesizedEventAccessorSymbol: "Under these conditions, this method needs to be synchronized").
        /// Excused only inside compiler-generated add_/remove_ accessors.
        /// </summary>
        public const string EventCompareExchange = "System.Threading.Interlocked::CompareExchange";

        public static readonly string[] EventFallback =
        {
            "System.Delegate::Combine(System.Delegate,System.Delegate) : System.Delegate",
            "System.Delegate::Remove(System.Delegate,System.Delegate) : System.Delegate",
        };

        /// <summary>
        /// <c>typeof(A) == typeof(B)</c>: net10 has Type.op_Equality, nanoFramework's Type has no
        /// operator, so its build compares the references (ceq). Same result.
        /// </summary>
        public static readonly HashSet<string> TypeEqualityOperators = new HashSet<string>
        {
            "System.Type::op_Equality(System.Type,System.Type) : System.Boolean",
            "System.Type::op_Inequality(System.Type,System.Type) : System.Boolean",
        };
    }
}
