package org.millrace.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Model classes for the type analysis and serializer tests. */
public final class TestingTypes {

    private TestingTypes() {}

    /** A POJO with public fields of every primitive kind, boxed and nested types. */
    public static class Person {
        public String name;
        public int age;
        public long id;
        public double score;
        public boolean active;
        public byte b;
        public short s;
        public char c;
        public float f;
        public Integer boxed;
        public List<String> tags;
        public Address address;

        public Person() {}

        public Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Person) || o.getClass() != getClass()) {
                return false;
            }
            Person p = (Person) o;
            return Objects.equals(name, p.name) && age == p.age && id == p.id && Double.compare(score, p.score) == 0
                    && active == p.active && b == p.b && s == p.s && c == p.c && Float.compare(f, p.f) == 0
                    && Objects.equals(boxed, p.boxed) && Objects.equals(tags, p.tags) && Objects.equals(address, p.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age, id);
        }

        @Override
        public String toString() {
            return "Person(" + name + ", " + age + ", " + id + ", " + score + ", " + active + ", " + b + ", " + s + ", "
                    + (int) c + ", " + f + ", " + boxed + ", " + tags + ", " + address + ")";
        }
    }

    /** A POJO with private fields behind getters and setters. */
    public static class Address {
        private String city;
        private int zip;
        private boolean verified;

        public Address() {}

        public Address(String city, int zip) {
            this.city = city;
            this.zip = zip;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public int getZip() {
            return zip;
        }

        public void setZip(int zip) {
            this.zip = zip;
        }

        public boolean isVerified() {
            return verified;
        }

        public void setVerified(boolean verified) {
            this.verified = verified;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address && Objects.equals(city, ((Address) o).city) && zip == ((Address) o).zip
                    && verified == ((Address) o).verified;
        }

        @Override
        public int hashCode() {
            return Objects.hash(city, zip);
        }

        @Override
        public String toString() {
            return "Address(" + city + ", " + zip + ", " + verified + ")";
        }
    }

    /** A POJO subclass: fields of both classes are serialized. */
    public static class Employee extends Person {
        public String company;

        public Employee() {}

        public Employee(String name, int age, String company) {
            super(name, age);
            this.company = company;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && Objects.equals(company, ((Employee) o).company);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /** A POJO without hashCode/equals: not usable as a key. */
    public static class Plain {
        public String value;
    }

    /** A recursive POJO. */
    public static class Node {
        public String label;
        public Node next;

        public Node() {}

        public Node(String label, Node next) {
            this.label = label;
            this.next = next;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node && Objects.equals(label, ((Node) o).label) && Objects.equals(next, ((Node) o).next);
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, next);
        }
    }

    /** A generic POJO. */
    public static class Box<T> {
        public T value;
        public List<T> history = new ArrayList<>();

        public Box() {}

        public Box(T value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Box && Objects.equals(value, ((Box<?>) o).value) && Objects.equals(history, ((Box<?>) o).history);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }

    /** A non-generic POJO extending a generic one. */
    public static class StringBox extends Box<String> {
        public Map<String, Long> counts;
    }

    /** Not a POJO (final field, no public no-arg constructor): serialized through Avro reflect. */
    public static class Measurement {
        private final String sensor;
        private double value;
        private List<String> labels;
        private Unit unit;

        @SuppressWarnings("unused") // used by Avro reflect
        private Measurement() {
            this(null, 0, null, null);
        }

        public Measurement(String sensor, double value, List<String> labels, Unit unit) {
            this.sensor = sensor;
            this.value = value;
            this.labels = labels;
            this.unit = unit;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Measurement)) {
                return false;
            }
            Measurement m = (Measurement) o;
            return Objects.equals(sensor, m.sensor) && Double.compare(value, m.value) == 0
                    && Objects.equals(labels, m.labels) && unit == m.unit;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sensor, value);
        }

        @Override
        public String toString() {
            return "Measurement(" + sensor + ", " + value + ", " + labels + ", " + unit + ")";
        }
    }

    /** An enum. */
    public enum Unit { CELSIUS, KELVIN }

    /** A POJO with a field of type Object, which nothing can serialize. */
    public static class Untyped {
        public Object payload;
    }

    /** A Java record: serialized as a POJO, built through its canonical constructor. */
    public record Reading(String sensor, long timestamp, double value, List<String> tags, Address location) {}

    /** A record whose constructor validates. */
    public record Positive(int value) {
        public Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("not positive: " + value);
            }
        }
    }
}
