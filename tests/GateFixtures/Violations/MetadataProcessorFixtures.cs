using System;

namespace InterfaceFirmware.GateFixtures.Violations
{
    // What C# compiles and the nanoFramework MetadataProcessor cannot turn into a .pe (see NanoApiGate).

    public sealed class UsesPointerLocal
    {
        public unsafe int Read(int value)
        {
            int* pointer = &value;
            return *pointer;
        }
    }

    public static class UsesCalli
    {
        public static unsafe int Call()
        {
            delegate*<int, int> twice = &Twice;
            return twice(3);
        }

        private static int Twice(int value) => value * 2;
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class BoxesAttribute : Attribute
    {
        public BoxesAttribute(object value)
        {
            Value = value;
        }

        public object Value { get; }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TypesAttribute : Attribute
    {
        public TypesAttribute(Type[] types)
        {
            Types = types;
        }

        public Type[] Types { get; }
    }

    [Boxes(3)]
    public sealed class UsesObjectAttributeArgument
    {
    }

    [Types(new[] { typeof(int) })]
    public sealed class UsesTypeArrayAttributeArgument
    {
    }
}
