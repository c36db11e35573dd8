using System;

namespace nanoFramework.TestFramework
{
    // The launcher takes a class only when it carries exactly this attribute (not a derived one).
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs once before the class's tests. A skip here skips the whole class, Cleanup included.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once after the class's tests.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One set of arguments; the method runs once per row (and never without arguments).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException("methodParameters can not be null");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("methodParameters can not be empty");
            }

            MethodParameters = methodParameters;
        }

        public object[] MethodParameters { get; }
    }
}
