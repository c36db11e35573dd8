// Stand-in for the nanoFramework.System.Collections package (assembly nanoFramework.System.Collections),
// which NuGet does not serve here: declarations only, compiled against the real nanoFramework mscorlib
// so that the device-faithful compile (nfproj.device.targets) can bind. Never deployed, never run.
//
// Source: nanoframework/System.Collections main, nanoFramework.System.Collections/Collections/
// {Hashtable.cs@fe2d02b9, Queue.cs@2fbc33fe, Stack.cs@2fbc33fe, DictionaryEntry.cs@0ff919fb, IDictionary.cs@db16b6c5}
// (same members as tests/HostTests/Gates/Allowlist/nanoFramework.System.Collections.txt). No generic collections:
// List<T>, Dictionary<TKey,TValue> belong to the 2.0-preview line. ArrayList is in mscorlib.

namespace System.Collections
{
    public interface IDictionary : ICollection
    {
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        ICollection Keys { get; }
        ICollection Values { get; }
        object this[object key] { get; set; }

        void Add(object key, object value);
        void Clear();
        bool Contains(object key);
        void Remove(object key);
    }

    // a class with public fields on nanoFramework (a struct with properties on .NET)
    public class DictionaryEntry
    {
        public object Key;
        public object Value;

        public DictionaryEntry(object key, object value) => throw null;
    }

    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() => throw null;
        public Hashtable(int capacity) => throw null;
        public Hashtable(int capacity, int maxLoadFactor) => throw null;

        public int MaxLoadFactor { get => throw null; set => throw null; }
        public double GrowthFactor { get => throw null; set => throw null; }
        public int Count => throw null;
        public bool IsSynchronized => throw null;
        public object SyncRoot => throw null;
        public bool IsReadOnly => throw null;
        public bool IsFixedSize => throw null;
        public ICollection Keys => throw null;
        public ICollection Values => throw null;
        public object this[object key] { get => throw null; set => throw null; }

        public object Clone() => throw null;
        public IEnumerator GetEnumerator() => throw null;
        public void CopyTo(Array array, int arrayIndex) => throw null;
        public void Add(object key, object value) => throw null;
        public void Clear() => throw null;
        public bool Contains(object key) => throw null;
        public void Remove(object key) => throw null;
    }

    public class Queue : ICollection, ICloneable
    {
        public Queue() => throw null;

        public virtual int Count => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;

        public virtual object Clone() => throw null;
        public virtual void Clear() => throw null;
        public virtual void CopyTo(Array array, int index) => throw null;
        public virtual void Enqueue(object obj) => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
        public virtual object Dequeue() => throw null;
        public virtual object Peek() => throw null;
        public virtual bool Contains(object obj) => throw null;
        public virtual object[] ToArray() => throw null;
    }

    public class Stack : ICollection, ICloneable
    {
        public Stack() => throw null;

        public virtual int Count => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;

        public virtual void Clear() => throw null;
        public virtual object Clone() => throw null;
        public virtual bool Contains(object obj) => throw null;
        public virtual void CopyTo(Array array, int index) => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
        public virtual object Peek() => throw null;
        public virtual object Pop() => throw null;
        public virtual void Push(object obj) => throw null;
        public virtual object[] ToArray() => throw null;
    }
}
